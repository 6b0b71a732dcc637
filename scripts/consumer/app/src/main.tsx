// An app as a React user writes it against the published package: the wrapper on the in-process mock backend.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { CheckoutWizard } from 'checkout-wizard/react';
import { MockBackend, TestPaymentProvider, createMockAdapter } from 'checkout-wizard/mock';
import type { Order, OrderPlacedDetail } from 'checkout-wizard';

// The contract's types must arrive as types: a declaration missing from the package turns them into `any` wherever
// skipLibCheck hides the error, this expected error then goes away, and tsc fails on the unused directive.
export function orderIsTyped(order: Order): void {
  // @ts-expect-error an order is an object, not a number
  order satisfies number;
}

const backend = new MockBackend({ scenario: 'empty-cart' });
const adapter = createMockAdapter(backend);
// The test provider's fields, confirmed on the mock's own payment network.
const paymentProvider = new TestPaymentProvider({ network: backend });

function App() {
  const [orders, setOrders] = useState<OrderPlacedDetail[]>([]);
  return (
    <main>
      <CheckoutWizard
        adapter={adapter}
        paymentProvider={paymentProvider}
        locale="en"
        onOrderPlaced={(e) => setOrders((placed) => [...placed, e.detail])}
      />
      <h2>Orders placed</h2>
      <ul id="orders">
        {orders.map((order) => (
          <li key={order.id}>{order.id}</li>
        ))}
      </ul>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

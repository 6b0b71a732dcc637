import type { Account, Cart, Catalog, DeclineCode, PaymentMethod, Product, Tier } from '../contract/types.js';

// Data only: every export is a constant, a function that builds fresh state (so two mock
// backends never share an object), or one of the calendar helpers the backend shares.

export type ScenarioName =
  | 'empty-cart'
  | 'cart-with-items'
  | 'corporate'
  | 'user'
  | 'signed-out'
  | 'backend-down'
  | 'usd-account'
  | 'eu-business'
  | 'renewing-account';

export const SCENARIOS: readonly { name: ScenarioName; label: string }[] = [
  { name: 'empty-cart', label: 'Billing contact, Italy (EUR), empty cart' },
  { name: 'cart-with-items', label: 'Billing contact, Italy (EUR), one item in the cart' },
  { name: 'corporate', label: 'Corporate account (buys through its portal)' },
  { name: 'user', label: 'Plain user (not the billing contact)' },
  { name: 'signed-out', label: 'Signed out (every call answers 401)' },
  { name: 'backend-down', label: 'Backend down (every call answers 503)' },
  { name: 'usd-account', label: 'Billing contact, United States (USD)' },
  { name: 'eu-business', label: 'Business in Germany (EUR, reverse charge with a VAT ID)' },
  { name: 'renewing-account', label: 'Billing contact, Italy (EUR), owns products: billing date moves' },
];

/** What a backend starts from; `MockBackend` copies it, so a seed can be reused. */
export interface MockState {
  account: Account;
  /** The catalog per currency code; the account's currency picks one. */
  catalogs: Record<string, Catalog>;
  cart: Cart;
  /** Every route answers 401, as when the host's session has ended. */
  signedOut?: boolean;
  /** Every route answers 503. */
  down?: boolean;
  /** Payment method id → the test token it was attached from; a method not listed pays like `tok_visa`. */
  cards?: Record<string, TestToken>;
  /**
   * The account's subscriptions keep their current period (`currentPeriodEnd`, 1.3.0): products
   * an order adds get one, and those a quote moved get their new one. Quotes adjust every
   * subscription that has a `currentPeriodEnd` (Quote.adjustments); one without it cannot be
   * prorated, so it gets none. Only the 'renewing-account' scenario sets it, so the scenarios
   * older than 1.3.0 keep their totals.
   */
  prorates?: boolean;
}

// --- Calendar (UTC days) ---
// The contract puts dates in the account's time zone (Account.timeZone); the mock keeps UTC days,
// which the browser suite's real-time date checks read.

export const day = (d: Date): string => d.toISOString().slice(0, 10);

/** Adds months, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb), as billing periods do. */
export function addMonths(d: Date, months: number): Date {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), last)));
}

export const addDays = (d: Date, days: number): Date => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + days));

/**
 * How a test card (or bank account) behaves at the mock's payment network. Numbers
 * follow Stripe's test cards where Stripe has one.
 */
export interface TestCard {
  label: string;
  expires: string | null;
  /** `card` unless given. */
  type?: 'card' | 'sepa_debit';
  /** Attaches fine; every order paid with it is declined with this code. */
  decline?: DeclineCode;
  /** The bank's 3-D Secure challenge: on saving and on every payment, or only on saving. */
  challenge?: 'always' | 'setup';
  /** The challenge fails whatever the buyer does. */
  failsChallenge?: true;
}

// Typed as cards, keyed by their literal names.
const cards = <K extends string>(list: Record<K, TestCard>): Readonly<Record<K, TestCard>> => list;

/** The test tokens the mock knows (contract: POST /payment-methods), as tokens or as cards a setup is confirmed with. */
export const TEST_TOKENS = cards({
  tok_visa: { label: 'Visa •••• 4242', expires: '2030-12' },
  tok_mastercard: { label: 'Mastercard •••• 4444', expires: '2029-08' },
  tok_chargeDeclined: { label: 'Visa •••• 0002', expires: '2031-01', decline: 'generic_decline' },
  tok_insufficientFunds: { label: 'Visa •••• 9995', expires: '2031-02', decline: 'insufficient_funds' },
  // Stripe's "expired card" has a future expiry too: the bank, not the form, declines it.
  tok_expiredCard: { label: 'Visa •••• 0069', expires: '2031-03', decline: 'card_expired' },
  tok_doNotHonor: { label: 'Visa •••• 0044', expires: '2031-04', decline: 'do_not_honor' },
  tok_threeDSecureRequired: { label: 'Visa •••• 3184', expires: '2031-05', challenge: 'always' },
  tok_threeDSecureSetup: { label: 'Visa •••• 3155', expires: '2031-06', challenge: 'setup' },
  tok_threeDSecureFail: { label: 'Visa •••• 3063', expires: '2031-07', challenge: 'always', failsChallenge: true },
  tok_sepaDebit: { label: 'SEPA Direct Debit •••• 3000', expires: null, type: 'sepa_debit' },
});

export type TestToken = keyof typeof TEST_TOKENS;

/** The card behind a token, or undefined for an unknown one. */
export const testCard = (token: unknown): TestCard | undefined =>
  typeof token === 'string' && Object.hasOwn(TEST_TOKENS, token) ? TEST_TOKENS[token as TestToken] : undefined;

/**
 * VAT IDs with a known registry answer (normalized). Any other ID with a valid
 * format and checksum is `valid` with a generic name.
 * Invalid examples: IT12345678901 (checksum), DE12345 (format); malformed (422): XX123, 12345678.
 */
export const VAT_REGISTRY: Record<string, { name: string; address: string } | 'unavailable'> = {
  IT12345670017: { name: 'Rossi Consulting S.r.l.', address: 'Via Roma 1, 20121 Milano MI' },
  DE136695976: { name: 'Müller Maschinenbau GmbH', address: 'Hauptstraße 5, 10115 Berlin' },
  // Valid format and checksum, but the registry "cannot be asked".
  DE999999995: 'unavailable',
  IT99999999990: 'unavailable',
};

type Prices = { EUR: [monthly: number, annual: number]; USD: [monthly: number, annual: number] };
type TierDef = Omit<Tier, 'prices'> & { prices: Prices };
type ProductDef = Omit<Product, 'tiers'> & { tiers: TierDef[] };

const seats = (min: number, max: number, step = 1) => ({ min, max, step });

// Annual per-seat prices are about ten monthly ones: two months free.
const PRODUCTS: ProductDef[] = [
  {
    id: 'remote-support',
    name: 'Remote Support',
    description: 'Reach and fix any computer, attended or unattended.',
    iconUrl: null,
    trial: { days: 14, seats: seats(1, 5) },
    tiers: [
      {
        id: 'rs-standard',
        name: 'Standard',
        description: 'For small teams helping customers.',
        features: ['Attended sessions', 'File transfer', 'Session chat'],
        seats: seats(1, 50),
        prices: { EUR: [2900, 29000], USD: [3200, 32000] },
      },
      {
        id: 'rs-premium',
        name: 'Premium',
        description: 'For help desks that support many devices.',
        features: ['Everything in Standard', 'Unattended access', 'Session recording', 'Mobile device support'],
        recommended: true,
        seats: seats(1, 200),
        prices: { EUR: [4900, 49000], USD: [5400, 54000] },
      },
      {
        id: 'rs-enterprise',
        name: 'Enterprise',
        description: 'For large IT departments.',
        features: ['Everything in Premium', 'Single sign-on', 'Audit log', 'Priority support'],
        seats: seats(10, 1000, 5),
        prices: { EUR: [8900, 89000], USD: [9900, 99000] },
      },
    ],
  },
  {
    id: 'meetings',
    name: 'Meetings',
    description: 'Video meetings with screen sharing, from any device.',
    iconUrl: null,
    trial: { days: 14, seats: seats(1, 10) },
    tiers: [
      {
        id: 'mt-professional',
        name: 'Professional',
        description: 'Meetings of up to 150 participants.',
        features: ['150 participants', 'Screen sharing', 'Meeting lock'],
        seats: seats(1, 250),
        prices: { EUR: [1200, 12000], USD: [1400, 14000] },
      },
      {
        id: 'mt-business',
        name: 'Business',
        description: 'Meetings of up to 250 participants, with recording.',
        features: ['250 participants', 'Unlimited cloud recording', 'Transcription', 'Drawing tools'],
        recommended: true,
        seats: seats(1, 250),
        prices: { EUR: [1600, 16000], USD: [1900, 19000] },
      },
    ],
  },
  {
    id: 'phone-system',
    name: 'Phone System',
    description: 'Business phone numbers, call routing and voicemail in the cloud.',
    iconUrl: null,
    trial: null,
    tiers: [
      {
        id: 'ps-standard',
        name: 'Standard',
        features: ['Local and toll-free numbers', 'Call queues', 'Voicemail to email'],
        seats: seats(1, 1000),
        prices: { EUR: [2200, 22000], USD: [2500, 25000] },
      },
    ],
  },
  {
    id: 'webinars',
    name: 'Webinars',
    description: 'Live and recorded webinars with registration and reports.',
    iconUrl: null,
    trial: { days: 7, seats: seats(1, 1) },
    tiers: [
      {
        id: 'wb-standard',
        name: 'Standard',
        features: ['Up to 500 attendees', 'Registration pages', 'Polls and Q&A'],
        seats: seats(1, 20),
        prices: { EUR: [5900, 59000], USD: [6900, 69000] },
      },
    ],
  },
  {
    id: 'help-desk',
    name: 'Help Desk',
    description: 'Tickets, a knowledge base and IT asset tracking in one place.',
    iconUrl: null,
    trial: { days: 14, seats: seats(1, 5) },
    tiers: [
      {
        id: 'hd-starter',
        name: 'Starter',
        features: ['Ticketing', 'Knowledge base', 'Email channel'],
        seats: seats(3, 100),
        prices: { EUR: [1500, 15000], USD: [1700, 17000] },
      },
      {
        id: 'hd-pro',
        name: 'Pro',
        features: ['Everything in Starter', 'Asset management', 'SLA policies', 'Automations'],
        recommended: true,
        seats: seats(5, 500, 5),
        prices: { EUR: [2900, 29000], USD: [3300, 33000] },
      },
    ],
  },
];

/** The languages the catalog's texts come in (contract: `Accept-Language`); English is the default. */
export type CatalogLanguage = 'en' | 'it' | 'ar';

interface TierTexts {
  description?: string;
  features?: string[];
}

/** A product's texts in one language: those not given stay English. */
interface ProductTexts {
  name?: string;
  description?: string;
  tiers?: Record<string, TierTexts>;
}

/**
 * PRODUCTS' texts in Italian and Arabic, by product and tier id; ids, prices and seat ranges are
 * the same in every language. Product and plan names are brands and stay English, as vendors
 * often keep them ("Scegli Phone System"); descriptions and features are translated.
 */
export const CATALOG_TEXTS: Readonly<Record<Exclude<CatalogLanguage, 'en'>, Record<string, ProductTexts>>> = {
  it: {
    'remote-support': {
      description: "Raggiungi e ripara qualsiasi computer, con o senza l'utente presente.",
      tiers: {
        'rs-standard': {
          description: 'Per piccoli team che assistono i clienti.',
          features: ['Sessioni con utente presente', 'Trasferimento file', 'Chat di sessione'],
        },
        'rs-premium': {
          description: 'Per help desk che assistono molti dispositivi.',
          features: ['Tutto quanto incluso in Standard', 'Accesso non presidiato', 'Registrazione delle sessioni', 'Supporto dei dispositivi mobili'],
        },
        'rs-enterprise': {
          description: 'Per grandi reparti IT.',
          features: ['Tutto quanto incluso in Premium', 'Single sign-on', 'Registro di controllo', 'Assistenza prioritaria'],
        },
      },
    },
    meetings: {
      description: 'Videoriunioni con condivisione dello schermo, da qualsiasi dispositivo.',
      tiers: {
        'mt-professional': {
          description: 'Riunioni fino a 150 partecipanti.',
          features: ['150 partecipanti', 'Condivisione dello schermo', 'Blocco della riunione'],
        },
        'mt-business': {
          description: 'Riunioni fino a 250 partecipanti, con registrazione.',
          features: ['250 partecipanti', 'Registrazione illimitata nel cloud', 'Trascrizione', 'Strumenti di disegno'],
        },
      },
    },
    'phone-system': {
      description: 'Numeri di telefono aziendali, instradamento delle chiamate e segreteria telefonica nel cloud.',
      tiers: { 'ps-standard': { features: ['Numeri locali e numeri verdi', 'Code di chiamata', 'Segreteria via e-mail'] } },
    },
    webinars: {
      description: 'Webinar dal vivo e registrati, con iscrizioni e report.',
      tiers: { 'wb-standard': { features: ['Fino a 500 partecipanti', 'Pagine di iscrizione', 'Sondaggi e domande e risposte'] } },
    },
    'help-desk': {
      description: 'Ticket, knowledge base e inventario degli asset IT in un unico posto.',
      tiers: {
        'hd-starter': { features: ['Gestione dei ticket', 'Knowledge base', 'Canale e-mail'] },
        'hd-pro': { features: ['Tutto quanto incluso in Starter', 'Gestione degli asset', 'Criteri SLA', 'Automazioni'] },
      },
    },
  },
  ar: {
    'remote-support': {
      description: 'صِل إلى أي حاسوب وأصلحه، بحضور المستخدم أو دونه.',
      tiers: {
        'rs-standard': {
          description: 'للفرق الصغيرة التي تساعد العملاء.',
          features: ['جلسات بحضور المستخدم', 'نقل الملفات', 'دردشة الجلسة'],
        },
        'rs-premium': {
          description: 'لمكاتب المساعدة التي تدعم أجهزة كثيرة.',
          features: ['كل ما في Standard', 'الوصول دون حضور المستخدم', 'تسجيل الجلسات', 'دعم الأجهزة المحمولة'],
        },
        'rs-enterprise': {
          description: 'لأقسام تقنية المعلومات الكبيرة.',
          features: ['كل ما في Premium', 'تسجيل الدخول الموحّد', 'سجل التدقيق', 'دعم ذو أولوية'],
        },
      },
    },
    meetings: {
      description: 'اجتماعات فيديو مع مشاركة الشاشة، من أي جهاز.',
      tiers: {
        'mt-professional': {
          description: 'اجتماعات تضم حتى 150 مشاركًا.',
          features: ['150 مشاركًا', 'مشاركة الشاشة', 'قفل الاجتماع'],
        },
        'mt-business': {
          description: 'اجتماعات تضم حتى 250 مشاركًا، مع التسجيل.',
          features: ['250 مشاركًا', 'تسجيل سحابي غير محدود', 'تفريغ نصي', 'أدوات الرسم'],
        },
      },
    },
    'phone-system': {
      description: 'أرقام هواتف للأعمال وتوجيه المكالمات والبريد الصوتي في السحابة.',
      tiers: { 'ps-standard': { features: ['أرقام محلية وأرقام مجانية', 'قوائم انتظار المكالمات', 'البريد الصوتي إلى البريد الإلكتروني'] } },
    },
    webinars: {
      description: 'ندوات عبر الإنترنت مباشرة ومسجّلة، مع التسجيل فيها والتقارير.',
      tiers: { 'wb-standard': { features: ['حتى 500 حاضر', 'صفحات التسجيل', 'استطلاعات وأسئلة وأجوبة'] } },
    },
    'help-desk': {
      description: 'التذاكر وقاعدة المعرفة وتتبّع أصول تقنية المعلومات في مكان واحد.',
      tiers: {
        'hd-starter': { features: ['إدارة التذاكر', 'قاعدة المعرفة', 'قناة البريد الإلكتروني'] },
        'hd-pro': { features: ['كل ما في Starter', 'إدارة الأصول', 'سياسات اتفاقيات مستوى الخدمة', 'الأتمتة'] },
      },
    },
  },
};

/** A copy of `catalog` with its texts in `language` (CATALOG_TEXTS); what has no translation stays as it is. */
export function localizeCatalog(catalog: Catalog, language: CatalogLanguage): Catalog {
  const copy = structuredClone(catalog);
  if (language === 'en') return copy;
  for (const product of copy.products) {
    const texts = CATALOG_TEXTS[language][product.id];
    if (!texts) continue;
    if (texts.name !== undefined) product.name = texts.name;
    if (texts.description !== undefined) product.description = texts.description;
    for (const tier of product.tiers) {
      const t = texts.tiers?.[tier.id];
      if (t?.description !== undefined) tier.description = t.description;
      if (t?.features !== undefined) tier.features = [...t.features];
    }
  }
  return copy;
}

/** A promotion code the mock knows (contract: POST /quotes `promotionCode`). */
export interface PromotionCode {
  /** A percentage of the lines it applies to (each line rounded half up), or a fixed amount per currency in minor units, never more than those lines. */
  off: { percent: number } | { amount: Partial<Record<string, number>> };
  /** `forever`: renewals keep it; `once`: this quote only. */
  duration: 'once' | 'forever';
  /** Its last day (inclusive); after it the code is `promotion_code_expired`. */
  endsOn?: string;
  /** The products it applies to; every product when unset. */
  productIds?: readonly string[];
  /** Discount.description per language; per currency where the text names an amount. */
  description: Record<CatalogLanguage, string | Partial<Record<string, string>>>;
}

/**
 * The promotion codes, matched trimmed and without regard to case. WELCOME20: 20 % off, forever.
 * SAVE50: 50 off in the account's currency (€50, $50), once. SUMMER24: ended (422
 * promotion_code_expired). PHONE10: 10 % off Phone System's lines only, forever (422
 * promotion_code_not_applicable without Phone System in the cart). Any other code: 422
 * promotion_code_invalid.
 */
export const PROMOTION_CODES: Readonly<Record<string, PromotionCode>> = {
  WELCOME20: {
    off: { percent: 20 },
    duration: 'forever',
    description: { en: '20% off, forever', it: '20% di sconto, per sempre', ar: 'خصم 20% دائمًا' },
  },
  SAVE50: {
    off: { amount: { EUR: 5000, USD: 5000 } },
    duration: 'once',
    description: {
      en: { EUR: '€50 off, once', USD: '$50 off, once' },
      it: { EUR: '50 € di sconto, una volta', USD: '50 USD di sconto, una volta' },
      ar: { EUR: 'خصم 50 يورو لمرة واحدة', USD: 'خصم 50 دولارًا لمرة واحدة' },
    },
  },
  SUMMER24: {
    off: { percent: 15 },
    duration: 'once',
    endsOn: '2024-09-30',
    description: { en: '15% off, once', it: '15% di sconto, una volta', ar: 'خصم 15% لمرة واحدة' },
  },
  PHONE10: {
    off: { percent: 10 },
    duration: 'forever',
    productIds: ['phone-system'],
    description: {
      en: '10% off Phone System, forever',
      it: '10% di sconto su Phone System, per sempre',
      ar: 'خصم 10% على Phone System دائمًا',
    },
  },
};

export function createCatalog(currency: keyof Prices): Catalog {
  const money = (amount: number) => ({ amount, currency });
  return {
    currency,
    products: PRODUCTS.map((p) => ({
      ...p,
      trial: p.trial && { days: p.trial.days, seats: { ...p.trial.seats } },
      tiers: p.tiers.map((t) => {
        const [monthly, annual] = t.prices[currency];
        return { ...t, features: t.features && [...t.features], seats: { ...t.seats }, prices: { monthly: money(monthly), annual: money(annual) } };
      }),
    })),
  };
}

const card = (id: string, token: TestToken, isDefault = true): PaymentMethod => ({
  id,
  type: 'card',
  label: TEST_TOKENS[token].label,
  expires: TEST_TOKENS[token].expires,
  isDefault,
});

const GIULIA = { name: 'Giulia Rossi', email: 'giulia.rossi@example.it', role: 'billing-contact' } as const;

/** Account.billingContact (1.3.0): the account's billing contact, whom a plain user asks; on a billing contact's own account, themselves. */
const contact = ({ name, email }: { name: string; email: string }) => ({ name, email });

export function createAccount(id: 'acc-it' | 'acc-us' | 'acc-corp' | 'acc-de', viewer?: Account['viewer']): Account {
  switch (id) {
    case 'acc-it':
      return {
        id,
        name: 'Rossi Consulting S.r.l.',
        kind: 'self-service',
        corporatePortalUrl: null,
        viewer: viewer ?? { ...GIULIA },
        billingCountry: 'IT',
        timeZone: 'Europe/Rome',
        currency: 'EUR',
        vatId: null,
        billingEmail: GIULIA.email,
        billingContact: contact(GIULIA),
        paymentMethods: [card('pm-it-visa', 'tok_visa')],
        subscriptions: [{ productId: 'help-desk', tierId: 'hd-starter', seats: 10, term: 'annual' }],
        trialsUsed: ['webinars'],
        assignLicensesUrl: 'https://admin.example.com/users',
      };
    case 'acc-us':
      return {
        id,
        name: 'Acme Robotics Inc.',
        kind: 'self-service',
        corporatePortalUrl: null,
        viewer: viewer ?? { name: 'Sam Carter', email: 'sam.carter@example.com', role: 'billing-contact' },
        billingCountry: 'US',
        timeZone: 'America/New_York',
        currency: 'USD',
        vatId: null,
        billingEmail: 'sam.carter@example.com',
        billingContact: contact({ name: 'Sam Carter', email: 'sam.carter@example.com' }),
        paymentMethods: [card('pm-us-mastercard', 'tok_mastercard')],
        subscriptions: [{ productId: 'meetings', tierId: 'mt-professional', seats: 25, term: 'monthly' }],
        trialsUsed: [],
        assignLicensesUrl: 'https://admin.example.com/users',
      };
    case 'acc-corp':
      return {
        id,
        name: 'Globex Europe S.A.',
        kind: 'corporate',
        corporatePortalUrl: 'https://billing.example.com/corporate',
        viewer: viewer ?? { name: 'Claire Martin', email: 'claire.martin@example.fr', role: 'billing-contact' },
        billingCountry: 'FR',
        timeZone: 'Europe/Paris',
        currency: 'EUR',
        vatId: null,
        billingEmail: 'claire.martin@example.fr',
        billingContact: contact({ name: 'Claire Martin', email: 'claire.martin@example.fr' }),
        paymentMethods: [],
        subscriptions: [{ productId: 'remote-support', tierId: 'rs-enterprise', seats: 500, term: 'annual' }],
        trialsUsed: [],
        assignLicensesUrl: null,
      };
    case 'acc-de':
      return {
        id,
        name: 'Müller Maschinenbau GmbH',
        kind: 'self-service',
        corporatePortalUrl: null,
        viewer: viewer ?? { name: 'Anna Müller', email: 'anna.mueller@example.de', role: 'billing-contact' },
        billingCountry: 'DE',
        timeZone: 'Europe/Berlin',
        currency: 'EUR',
        // Unset so the widget's VAT step decides: the fixture's registered ID is DE136695976.
        vatId: null,
        billingEmail: 'anna.mueller@example.de',
        billingContact: contact({ name: 'Anna Müller', email: 'anna.mueller@example.de' }),
        paymentMethods: [card('pm-de-visa', 'tok_visa')],
        subscriptions: [],
        trialsUsed: [],
        assignLicensesUrl: 'https://admin.example.com/users',
      };
  }
}

/**
 * A scenario's starting state. `now` is the mock's clock at the start: the 'renewing-account'
 * scenario's subscriptions end their current period relative to it (the monthly one in 12 days,
 * the annual one in 5 months), so its quotes always have unused time to credit.
 */
export function createState(scenario: ScenarioName = 'empty-cart', now: Date = new Date()): MockState {
  const account =
    scenario === 'usd-account'
      ? createAccount('acc-us')
      : scenario === 'corporate'
        ? createAccount('acc-corp')
        : scenario === 'eu-business'
          ? createAccount('acc-de')
          : scenario === 'user'
            ? createAccount('acc-it', { name: 'Marco Bianchi', email: 'marco.bianchi@example.it', role: 'user' })
            : createAccount('acc-it');
  if (scenario === 'renewing-account') {
    account.subscriptions = [
      { productId: 'help-desk', tierId: 'hd-starter', seats: 10, term: 'annual', currentPeriodEnd: day(addMonths(now, 5)) },
      { productId: 'meetings', tierId: 'mt-professional', seats: 5, term: 'monthly', currentPeriodEnd: day(addDays(now, 12)) },
    ];
  }
  const cart: Cart = { id: `cart-${account.id}`, items: [] };
  if (scenario === 'cart-with-items') {
    cart.items.push({ id: 'ci-meetings', productId: 'meetings', tierId: 'mt-business', seats: 5, term: 'annual' });
  }
  return {
    account,
    catalogs: { EUR: createCatalog('EUR'), USD: createCatalog('USD') },
    cart,
    signedOut: scenario === 'signed-out',
    down: scenario === 'backend-down',
    cards: {},
    prorates: scenario === 'renewing-account',
  };
}

import { withOverrides } from '../overrides.js';
import type { StringOverrides } from '../overrides.js';
import es from './es.js';

/** Spanish (Latin America): where it differs from es.ts, which gives every other message. */
export default withOverrides(es, {
  widgetLabel: 'Agregar una suscripción',
  stepFailed: 'No se pudo cargar este paso. Revisa tu conexión e inténtalo de nuevo.',
  stepNames: {
    done: 'Listo',
  },
  selectIntro: 'Agrega un plan o una prueba gratuita a tu cuenta. Puedes usar el nuevo producto de inmediato.',
  seatsErrors: {
    required: 'Ingresa la cantidad de licencias de usuario.',
    not_integer: 'Ingresa un número entero, por ejemplo, 5.',
  },
  cannotContinue: 'Corrige la cantidad de licencias para continuar.',
  save: (percent: string) => `Ahorra ${percent}`,
  addToCart: 'Agregar al carrito',
  addAnother: 'Agregar otro producto',
  removedItem: (product: string) => `Se eliminó ${product} de tu carrito.`,
  reviewIntro: 'El nuevo período de facturación comienza hoy.',
  colPeriod: 'Período de facturación',
  colAmount: 'Monto',
  addPromo: 'Agregar un código promocional',
  adjustCredit: (product: string) => `${product}: crédito por el tiempo no utilizado`,
  adjustCharge: (product: string, period: string) => `${product}: nuevo período ${period}`,
  quoteChanged: 'Los precios cambiaron desde la última vez que los viste. Revisa el nuevo total antes de pagar.',
  quoteExpired: 'Tu cotización venció, así que volvimos a calcular el precio de tu pedido. Revísalo antes de pagar.',
  totalChanged: (from: string, to: string) => `El total cambió de ${from} a ${to}.`,
  summaryEstimateNote: 'A precios de lista. En la revisión verás el total exacto, con impuestos.',
  expires: (date: string) => `Vence: ${date}`,
  addMethod: 'Agregar método de pago',
  noProvider: 'Para agregar un método de pago, comunícate con tu administrador de facturación.',
  vatLabel: 'Número de IVA (si corresponde)',
  vatHint:
    'Las empresas de la UE pueden ingresar su número de IVA; si es válido y de otro país de la UE, se aplica la inversión del sujeto pasivo.',
  vatErrors: {
    format: 'No parece un número de IVA de ese país. Revisa los dígitos.',
    checksum: 'Este número de IVA tiene un error de tipeo: el dígito verificador no coincide.',
  },
  vatValid: (name: string) => (name ? `Número de IVA verificado: ${name}` : 'Número de IVA verificado'),
  vatInvalid: 'Este número de IVA no es válido. Revísalo o deja el campo vacío.',
  vatUnavailable:
    'No pudimos verificar este número de IVA en este momento. De todos modos, puedes realizar tu pedido, pero se cobrará el IVA.',
  vatOtherCountry:
    'Este número de IVA es de un país distinto al de tu dirección de facturación, por lo que se cobra el IVA.',
  vatCharged:
    'Tu número de IVA está verificado y se cobra el IVA: la inversión del sujeto pasivo no se aplica a las empresas de tu país.',
  confirming: 'Verificando tu pedido…',
  unconfirmed: 'Todavía no pudimos confirmar tu pedido.',
  unconfirmedHint: 'Es posible que tu pedido ya se haya realizado. Volver a verificarlo nunca genera un cobro doble.',
  checkAgain: 'Volver a verificar',
  doneHeading: '¡Gracias! Tu pedido está completo',
  processingText: (email: string) =>
    `Tu pedido se activará cuando se acredite el pago, normalmente en unos pocos días hábiles. Te enviaremos un correo electrónico a ${email} cuando esto ocurra.`,
  trialHeading: 'Tu prueba gratuita comenzó',
  emailSent: (email: string) => `Enviamos una confirmación a ${email}.`,
  welcomeSent: (email: string) => `Enviamos un correo electrónico de bienvenida a ${email}.`,
  addMore: 'Agregar otro producto',
  signedOutText: 'Tu sesión terminó. Vuelve a iniciar sesión y luego inténtalo de nuevo.',
  corporateHeading: 'Tu cuenta se administra en el portal de facturación corporativa',
  corporateText:
    'Las cuentas corporativas agregan productos mediante su portal de facturación corporativa o su ejecutivo de cuenta.',
  forbiddenHeading: 'Solo los contactos de facturación pueden agregar productos',
  forbiddenText: (email: string) =>
    email
      ? `Pídele a tu contacto de facturación (${email}) que lo agregue por ti.`
      : 'Pídele a tu contacto de facturación que lo agregue por ti.',
  unavailableText: 'No pudimos conectarnos con el servicio de facturación. Revisa tu conexión e inténtalo de nuevo.',
  askSubject: (product: string) =>
    product ? `Por favor, agrega ${product} a nuestra suscripción` : 'Por favor, agrega un producto a nuestra suscripción',
  askBody: (name: string, product: string, sender: string) =>
    `Hola, ${name}:\n\n¿Podrías agregar ${product || 'un producto'} a nuestra suscripción? Solo los contactos de facturación pueden agregar productos.\n\nGracias,\n${sender}`,
  errors: {
    network: 'No pudimos conectarnos con el servicio de facturación. Revisa tu conexión e inténtalo de nuevo.',
    invalid_response: 'El servicio de facturación envió una respuesta que no pudimos leer. Inténtalo de nuevo.',
    payment_declined: 'Se rechazó tu método de pago. Elige otro o agrega uno nuevo.',
    seats_out_of_range: 'Esa cantidad de licencias no está disponible para este plan.',
    invalid_vat_id: 'Este número de IVA no es válido.',
    promotion_code_invalid: 'Este código promocional no existe. Revísalo e inténtalo de nuevo.',
    promotion_code_expired: 'Este código promocional venció.',
    trial_already_used: 'Esta cuenta ya usó una prueba gratuita de este producto.',
    generic: 'Algo salió mal. Inténtalo de nuevo.',
  },
  declines: {
    authentication_failed: 'Tu banco no pudo confirmar este pago. Inténtalo de nuevo o elige otro método de pago.',
    insufficient_funds: 'La tarjeta no tiene fondos suficientes. Elige otro método de pago o agrega uno nuevo.',
    card_expired: 'Esta tarjeta venció. Elige otro método de pago o agrega uno nuevo.',
    do_not_honor: 'Tu banco rechazó este pago. Comunícate con tu banco o elige otro método de pago.',
    generic_decline: 'Se rechazó tu método de pago. Elige otro o agrega uno nuevo.',
  },
} satisfies StringOverrides);

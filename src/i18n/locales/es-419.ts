import { withOverrides } from '../overrides.js';
import type { StringOverrides } from '../overrides.js';
import es from './es.js';

/** Spanish (Latin America): where it differs from es.ts, which gives every other message. */
export default withOverrides(es, {
  widgetLabel: 'Agregar una suscripción',
  stepNames: {
    done: 'Listo',
  },
  selectIntro: 'Agrega un plan o una prueba gratuita a tu cuenta. Puedes usar el nuevo producto de inmediato.',
  buyHint: 'Elige un plan y paga mensual o anualmente.',
  tryFree: { one: 'Pruébalo gratis por # día', many: 'Pruébalo gratis por # de días', other: 'Pruébalo gratis por # días' },
  tryHint: 'No necesitas pagar nada. Recibirás un correo electrónico de bienvenida con todos los detalles.',
  seatsErrors: {
    required: 'Ingresa la cantidad de licencias de usuario.',
    not_integer: 'Ingresa un número entero, por ejemplo, 5.',
    step: (step: number, below: number, above: number) =>
      `Las licencias se venden en múltiplos de ${step}: elige ${below} o ${above}.`,
  },
  cannotContinue: 'Corrige la cantidad de licencias para continuar.',
  estimate: (total: string) => `Aproximadamente ${total} al mes, antes de impuestos`,
  save: (percent: string) => `Ahorra ${percent}`,
  addToCart: 'Agregar al carrito',
  remove: 'Quitar',
  removeItem: (product: string) => `Quitar ${product}`,
  addAnother: 'Agregar otro producto',
  reviewIntro: 'El nuevo período de facturación comienza hoy.',
  colPeriod: 'Período de facturación',
  colAmount: 'Monto',
  reverseCharge: 'Inversión del sujeto pasivo: el IVA lo paga el destinatario',
  billingDate: (date: string) => `Tu fecha de facturación cambia al ${date}.`,
  continueToPayment: 'Continuar al pago',
  quoteChanged: 'Los precios cambiaron desde la última vez que los viste. Revisa el nuevo total antes de pagar.',
  quoteExpired: 'Tu cotización venció, así que volvimos a calcular el precio de tu pedido. Revísalo antes de pagar.',
  totalChanged: (from: string, to: string) => `El total cambió de ${from} a ${to}.`,
  expires: (date: string) => `Vence: ${date}`,
  addMethod: 'Agregar método de pago',
  noProvider: 'Para agregar un método de pago, comunícate con tu administrador de facturación.',
  vatLabel: 'Número de IVA (si corresponde)',
  vatHint:
    'Las empresas de la UE pueden ingresar su número de IVA; si es válido y de otro país de la UE, se aplica la inversión del sujeto pasivo.',
  vatErrors: {
    country: 'Comienza con el código del país, por ejemplo, ES o DE.',
    format: 'No parece un número de IVA de ese país. Revisa los dígitos.',
    checksum: 'Este número de IVA tiene un error de tipeo: el dígito verificador no coincide.',
  },
  vatValid: (name: string) => (name ? `Número de IVA verificado: ${name}` : 'Número de IVA verificado'),
  vatInvalid: 'Este número de IVA no es válido. Revísalo o deja el campo vacío.',
  vatUnavailable:
    'No pudimos verificar este número de IVA en este momento. Igual puedes realizar tu pedido, pero se cobrará el IVA.',
  unconfirmed: 'Todavía no pudimos confirmar tu pedido.',
  unconfirmedHint: 'Es posible que tu pedido ya se haya realizado. Volver a verificarlo nunca genera un cobro doble.',
  checkAgain: 'Volver a verificar',
  offline: 'Parece que no tienes conexión. Tu pedido está guardado; continuaremos cuando se restablezca la conexión.',
  doneHeading: '¡Gracias! Tu pedido está completo',
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
  errors: {
    network: 'No pudimos conectarnos con el servicio de facturación. Revisa tu conexión e inténtalo de nuevo.',
    invalid_response: 'El servicio de facturación envió una respuesta que no pudimos leer. Inténtalo de nuevo.',
    unavailable: 'El servicio de facturación está ocupado. Inténtalo de nuevo en un momento.',
    payment_declined: 'Se rechazó tu método de pago. Elige otro o agrega uno nuevo.',
    seats_out_of_range: 'Esa cantidad de licencias no está disponible para este plan.',
    invalid_vat_id: 'Este número de IVA no es válido.',
    trial_already_used: 'Esta cuenta ya usó una prueba gratuita de este producto.',
    generic: 'Algo salió mal. Inténtalo de nuevo.',
  },
} satisfies StringOverrides);

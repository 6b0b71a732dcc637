import type { Messages } from '../en.js';

/** German. */
export default {
  widgetLabel: 'Abonnement hinzufügen',
  loading: 'Wird geladen…',
  back: 'Zurück',
  next: 'Weiter',
  retry: 'Erneut versuchen',
  stepNames: {
    select: 'Produkt',
    mode: 'Kaufen oder testen',
    tier: 'Tarif',
    seats: 'Lizenzen',
    term: 'Abrechnung',
    cart: 'Warenkorb',
    review: 'Übersicht',
    pay: 'Zahlung',
    done: 'Fertig',
  },
  progressLabel: 'Fortschritt der Bestellung',
  stepOf: (n: number, total: number) => `Schritt ${n} von ${total}`,

  selectHeading: 'Produkt auswählen',
  selectIntro:
    'Fügen Sie Ihrem Konto einen Tarif oder eine kostenlose Testphase hinzu. Sie können das neue Produkt sofort nutzen.',
  fromPrice: (price: string) => `Ab ${price} pro Benutzer / Monat`,
  choose: 'Auswählen',
  subscribed: 'Bereits in Ihrem Tarif enthalten',
  inCart: 'Im Warenkorb',
  trialBadge: { one: '#-tägige kostenlose Testphase', other: '#-tägige kostenlose Testphase' },
  backToCart: 'Zurück zum Warenkorb',

  modeHeading: (product: string) => `${product} kaufen oder kostenlos testen`,
  buy: 'Kaufen',
  buyHint: 'Wählen Sie einen Tarif und zahlen Sie monatlich oder jährlich.',
  tryFree: { one: '#\u00a0Tag kostenlos testen', other: '#\u00a0Tage kostenlos testen' },
  tryHint: 'Keine Zahlung erforderlich. Sie erhalten eine Willkommens-E-Mail mit allen Details.',

  tierHeading: 'Tarif auswählen',
  recommended: 'Empfohlen',
  perUserMonth: (price: string) => `${price} pro Benutzer / Monat`,
  chooseTier: (tier: string) => `${tier} auswählen`,
  selected: 'Ausgewählt',
  details: 'Tarifdetails',
  detailsOf: (tier: string) => `Details zum Tarif ${tier}`,
  seatRange: (min: number, max: number) => `${min} bis ${max} Benutzerlizenzen`,
  close: 'Schließen',

  seatsHeading: 'Wie viele Benutzerlizenzen benötigen Sie?',
  seatsLabel: 'Benutzerlizenzen',
  seatsHint: (min: number, max: number, step: number) =>
    step > 1 ? `Von ${min} bis ${max}, in ${step}er-Schritten.` : `Von ${min} bis ${max}.`,
  fewer: 'Weniger Lizenzen',
  more: 'Mehr Lizenzen',
  seatsErrors: {
    required: 'Geben Sie die Anzahl der Benutzerlizenzen ein.',
    not_integer: 'Geben Sie eine ganze Zahl ein, z.\u00a0B. 5.',
    min: { one: 'Sie benötigen mindestens #\u00a0Lizenz.', other: 'Sie benötigen mindestens #\u00a0Lizenzen.' },
    max: { one: 'Dieser Tarif erlaubt höchstens #\u00a0Lizenz.', other: 'Dieser Tarif erlaubt höchstens #\u00a0Lizenzen.' },
    step: (step: number, below: number, above: number) =>
      `Lizenzen gibt es nur in ${step}er-Schritten: Wählen Sie ${below} oder ${above}.`,
  },
  cannotContinue: 'Korrigieren Sie die Anzahl der Lizenzen, um fortzufahren.',
  perSeat: (price: string) => `${price} pro Lizenz / Monat`,
  estimate: (total: string) => `Ca. ${total} pro Monat zzgl. Steuern`,
  trialSeats: 'Während der Testphase kostenlos.',
  startTrial: 'Testphase starten',

  termHeading: 'Wie möchten Sie abgerechnet werden?',
  monthly: 'Monatlich',
  annual: 'Jährlich',
  perSeatMonth: (price: string) => `${price} pro Lizenz / Monat`,
  perSeatYear: (price: string) => `${price} pro Lizenz / Jahr`,
  save: (percent: string) => `${percent} sparen`,
  addToCart: 'In den Warenkorb',
  completeTransaction: 'Zur Kasse',
  saveChanges: 'Änderungen speichern',

  cartHeading: 'Ihr Warenkorb',
  licenses: { one: '#\u00a0Benutzerlizenz', other: '#\u00a0Benutzerlizenzen' },
  edit: 'Bearbeiten',
  editItem: (product: string) => `${product} bearbeiten`,
  remove: 'Entfernen',
  removeItem: (product: string) => `${product} entfernen`,
  addAnother: 'Weiteres Produkt hinzufügen',

  reviewHeading: 'Bestellung prüfen',
  reviewIntro: 'Der neue Abrechnungszeitraum beginnt heute.',
  colProduct: 'Produkt',
  colPeriod: 'Abrechnungszeitraum',
  colLicenses: 'Lizenzen',
  colUnit: 'Preis pro Lizenz',
  colAmount: 'Betrag',
  subtotal: 'Zwischensumme',
  tax: (rate: string) => `MwSt. ${rate}`,
  reverseCharge: 'Steuerschuldnerschaft des Leistungsempfängers',
  totalDue: 'Heute fälliger Gesamtbetrag',
  billingDate: (date: string) => `Ihr Abrechnungsdatum ändert sich auf den ${date}.`,
  editOrder: 'Bestellung ändern',
  editOrderOf: (product: string) => `Bestellung ändern: ${product}`,
  continueToPayment: 'Weiter zur Zahlung',
  quoteChanged:
    'Die Preise haben sich seit Ihrem letzten Aufruf geändert. Prüfen Sie den neuen Gesamtbetrag, bevor Sie bezahlen.',
  quoteExpired: 'Ihr Angebot ist abgelaufen, daher haben wir Ihre Bestellung neu berechnet. Prüfen Sie sie, bevor Sie bezahlen.',
  totalChanged: (from: string, to: string) => `Der Gesamtbetrag hat sich von ${from} auf ${to} geändert.`,
  updatingTotal: 'Gesamtbetrag wird aktualisiert…',

  payHeading: 'Zahlung',
  paymentMethod: 'Zahlungsmethode',
  defaultMethod: 'Standard',
  expires: (date: string) => `Gültig bis ${date}`,
  addMethod: 'Zahlungsmethode hinzufügen',
  saveMethod: 'Zahlungsmethode speichern',
  cancel: 'Abbrechen',
  noProvider: 'Wenden Sie sich an Ihren Abrechnungsadministrator, um eine Zahlungsmethode hinzuzufügen.',
  vatLabel: 'USt-IdNr. (falls vorhanden)',
  vatHint:
    'Unternehmen in der EU können ihre USt-IdNr. angeben; bei einer gültigen USt-IdNr. aus einem anderen EU-Land gilt das Reverse-Charge-Verfahren.',
  applyVat: 'Anwenden',
  vatErrors: {
    country: 'Beginnen Sie mit dem Ländercode, z.\u00a0B. DE oder AT.',
    format: 'Das sieht nicht nach einer USt-IdNr. dieses Landes aus. Prüfen Sie die Ziffern.',
    checksum: 'Diese USt-IdNr. enthält einen Tippfehler: Die Prüfziffer stimmt nicht.',
  },
  vatValid: (name: string) => (name ? `USt-IdNr. bestätigt: ${name}` : 'USt-IdNr. bestätigt'),
  vatInvalid: 'Diese USt-IdNr. ist ungültig. Prüfen Sie sie oder lassen Sie das Feld leer.',
  vatUnavailable:
    'Wir können diese USt-IdNr. gerade nicht prüfen. Sie können trotzdem bestellen; die Mehrwertsteuer wird dann berechnet.',
  placeOrder: (total: string) => `Zahlungspflichtig bestellen · ${total}`,
  payingFor: 'Ihre Bestellung',
  billedMonthly: 'Monatliche Abrechnung',
  billedAnnually: 'Jährliche Abrechnung',
  renews: {
    monthly: (date: string, amount: string) =>
      `Das Abonnement verlängert sich automatisch am ${date} zum Preis von ${amount} pro Monat, bis Sie kündigen.`,
    annual: (date: string, amount: string) =>
      `Das Abonnement verlängert sich automatisch am ${date} zum Preis von ${amount} pro Jahr, bis Sie kündigen.`,
  },
  authorise:
    'Mit Ihrer Bestellung ermächtigen Sie uns, Ihre Zahlungsmethode jetzt und bei jeder Verlängerung zu belasten, bis Sie kündigen. Sie können jederzeit vor einer Verlängerung kündigen.',
  placingOrder: 'Bestellung wird aufgegeben…',
  authenticating: 'Bestätigen Sie die Zahlung im Fenster Ihrer Bank…',
  confirming: 'Bestellung wird geprüft…',
  unconfirmed: 'Wir konnten Ihre Bestellung noch nicht bestätigen.',
  unconfirmedHint:
    'Ihre Bestellung wurde möglicherweise bereits aufgegeben. Eine erneute Prüfung führt nie zu einer doppelten Abbuchung.',
  checkAgain: 'Erneut prüfen',
  offline:
    'Sie sind anscheinend offline. Ihre Bestellung bleibt erhalten; wir machen weiter, sobald die Verbindung wieder steht.',

  doneHeading: 'Vielen Dank! Ihre Bestellung ist abgeschlossen',
  processingHeading: 'Vielen Dank! Ihre Zahlung wird verarbeitet',
  processingText: (email: string) =>
    `Ihre Bestellung beginnt, sobald die Zahlung eingegangen ist, in der Regel innerhalb weniger Werktage. Wir benachrichtigen Sie dann per E-Mail an ${email}.`,
  trialHeading: 'Ihre kostenlose Testphase hat begonnen',
  orderNumber: 'Bestellnummer',
  totalPaid: 'Bezahlter Gesamtbetrag',
  newBillingDate: 'Neues Abrechnungsdatum',
  access: 'Sie können Ihre neuen Produkte und Lizenzen sofort nutzen.',
  emailSent: (email: string) => `Wir haben eine Bestätigung an ${email} gesendet.`,
  trialEnds: 'Ende der Testphase',
  welcomeSent: (email: string) => `Wir haben eine Willkommens-E-Mail an ${email} gesendet.`,
  assignLicenses: 'Lizenzen Benutzern zuweisen',
  assignHint: 'Weisen Sie die neuen Lizenzen Ihren Benutzern zu, damit diese sich anmelden können.',
  addMore: 'Weiteres Produkt hinzufügen',

  signedOutHeading: 'Bitte melden Sie sich erneut an',
  signedOutText: 'Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an und versuchen Sie es dann noch einmal.',
  corporateHeading: 'Ihr Konto wird im Abrechnungsportal für Unternehmenskunden verwaltet',
  corporateText:
    'Unternehmenskonten fügen Produkte über das Abrechnungsportal für Unternehmenskunden oder über ihre Kundenbetreuung hinzu.',
  corporateLink: 'Abrechnungsportal für Unternehmenskunden öffnen',
  forbiddenHeading: 'Nur Abrechnungskontakte können Produkte hinzufügen',
  forbiddenText: (email: string) =>
    email
      ? `Bitten Sie Ihren Abrechnungskontakt (${email}), das Produkt für Sie hinzuzufügen.`
      : 'Bitten Sie Ihren Abrechnungskontakt, das Produkt für Sie hinzuzufügen.',
  unavailableHeading: 'Die Bestellung ist derzeit nicht möglich',
  unavailableText: 'Wir konnten den Abrechnungsdienst nicht erreichen. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',

  errors: {
    network: 'Wir konnten den Abrechnungsdienst nicht erreichen. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    invalid_response: 'Der Abrechnungsdienst hat eine Antwort gesendet, die wir nicht lesen konnten. Versuchen Sie es erneut.',
    unavailable: 'Der Abrechnungsdienst ist ausgelastet. Versuchen Sie es gleich noch einmal.',
    payment_declined: 'Ihre Zahlungsmethode wurde abgelehnt. Wählen Sie eine andere aus oder fügen Sie eine neue hinzu.',
    payment_method_required: 'Wählen Sie eine Zahlungsmethode aus.',
    seats_out_of_range: 'Diese Anzahl an Lizenzen ist in diesem Tarif nicht verfügbar.',
    invalid_vat_id: 'Diese USt-IdNr. ist ungültig.',
    already_subscribed: 'Ihr Konto verfügt bereits über dieses Produkt.',
    trial_already_used: 'Mit diesem Konto wurde dieses Produkt bereits kostenlos getestet.',
    generic: 'Etwas ist schiefgelaufen. Versuchen Sie es erneut.',
  },
  declines: {
    authentication_failed:
      'Ihre Bank konnte diese Zahlung nicht bestätigen. Versuchen Sie es erneut oder wählen Sie eine andere Zahlungsmethode.',
    insufficient_funds:
      'Die Karte ist nicht ausreichend gedeckt. Wählen Sie eine andere Zahlungsmethode aus oder fügen Sie eine neue hinzu.',
    card_expired: 'Diese Karte ist abgelaufen. Wählen Sie eine andere Zahlungsmethode aus oder fügen Sie eine neue hinzu.',
    do_not_honor: 'Ihre Bank hat diese Zahlung abgelehnt. Wenden Sie sich an Ihre Bank oder wählen Sie eine andere Zahlungsmethode.',
    generic_decline: 'Ihre Zahlungsmethode wurde abgelehnt. Wählen Sie eine andere aus oder fügen Sie eine neue hinzu.',
  },
} satisfies Messages;

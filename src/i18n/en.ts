/** English ordinals for a day of the month: "1" → "1st", "22" → "22nd", "13" → "13th". */
const nth = (day: string) => {
  const n = Number(day);
  return `${day}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`;
};

/** English, the fallback every other locale is checked against. */
export const en = {
  widgetLabel: 'Add a subscription',
  loading: 'Loading…',
  back: 'Back',
  next: 'Next',
  retry: 'Try again',
  /** A later step's code could not be fetched (the widget's own files, not the billing service). */
  stepFailed: 'This step could not be loaded. Check your connection and try again.',
  stepNames: {
    select: 'Product',
    mode: 'Buy or try',
    tier: 'Plan',
    seats: 'Licenses',
    term: 'Billing',
    cart: 'Cart',
    review: 'Review',
    pay: 'Payment',
    done: 'Done',
  },
  progressLabel: 'Checkout progress',
  stepOf: (n: number, total: number) => `Step ${n} of ${total}`,
  /** The narrow progress indicator's text for assistive technology: the count and the current step's name. */
  stepOfNamed: (n: number, total: number, step: string) => `Step ${n} of ${total}: ${step}`,
  /** A done step in the progress indicator, as assistive technology reads it. */
  stepDone: (step: string) => `${step}, completed`,
  /** A done step's button in the progress indicator: it goes back to that step. */
  stepDoneGoBack: (step: string) => `${step}, completed — go back`,

  selectHeading: 'Choose a product',
  selectIntro: 'Add a plan or a free trial to your account. You can use the new product right away.',
  fromPrice: (price: string) => `From ${price} per license / month`,
  choose: 'Choose',
  subscribed: 'Already in your plan',
  inCart: 'In your cart',
  trialBadge: { one: '#-day free trial', other: '#-day free trial' },
  backToCart: 'Back to cart',

  modeHeading: (product: string) => `Buy ${product} or try it free`,
  buy: 'Buy',
  buyHint: 'Choose a plan and pay monthly or annually.',
  tryFree: { one: 'Try free for # day', other: 'Try free for # days' },
  tryHint: 'No payment needed. You get a welcome e-mail with the details.',
  trialLasts: { one: 'The trial lasts # day.', other: 'The trial lasts # days.' },
  trialNoCharge: (date: string) => `Nothing is charged unless you buy before ${date}.`,

  tierHeading: 'Choose a plan',
  recommended: 'Recommended',
  chooseTier: (tier: string) => `Choose ${tier}`,
  selected: 'Selected',
  details: 'Details',
  detailsOf: (tier: string) => `Details of ${tier}`,
  seatRange: (min: number, max: number) => `${min} to ${max} user licenses`,
  close: 'Close',

  seatsHeading: 'How many user licenses?',
  seatsLabel: 'User licenses',
  seatsHint: (min: number, max: number, step: number) =>
    step > 1 ? `From ${min} to ${max}, in steps of ${step}.` : `From ${min} to ${max}.`,
  fewer: 'Fewer licenses',
  more: 'More licenses',
  seatsErrors: {
    required: 'Enter the number of user licenses.',
    not_integer: 'Enter a whole number, such as 5.',
    min: { one: 'You need at least # license.', other: 'You need at least # licenses.' },
    max: { one: 'This plan allows at most # license.', other: 'This plan allows at most # licenses.' },
    step: (step: number, below: number, above: number) => `Licenses come in steps of ${step}: choose ${below} or ${above}.`,
  },
  cannotContinue: 'Fix the number of licenses to continue.',
  estimate: (total: string) => `About ${total} per month before tax`,
  trialSeats: 'Free during the trial.',
  startTrial: 'Start trial',

  termHeading: 'How would you like to be billed?',
  monthly: 'Monthly',
  annual: 'Annual',
  perSeatMonth: (price: string) => `${price} per license / month`,
  perSeatYear: (price: string) => `${price} per license / year`,
  termTotalMonth: (total: string) => `${total} a month for your licenses, before tax`,
  termTotalYear: (total: string) => `${total} a year for your licenses, before tax`,
  save: (percent: string) => `Save ${percent}`,
  addToCart: 'Add to cart',
  completeTransaction: 'Complete transaction',
  saveChanges: 'Save changes',

  cartHeading: 'Your cart',
  licenses: { one: '# user license', other: '# user licenses' },
  edit: 'Edit',
  editItem: (product: string) => `Edit ${product}`,
  remove: 'Remove',
  removeItem: (product: string) => `Remove ${product}`,
  addAnother: 'Add another product',
  removedItem: (product: string) => `${product} was removed from your cart.`,
  undo: 'Undo',
  estimatedSubtotal: (total: string) => `Estimated subtotal ${total}, before tax. Review shows the exact total.`,

  reviewHeading: 'Review your order',
  reviewIntro: 'The new billing period starts today.',
  colProduct: 'Product',
  colPeriod: 'Billing period',
  colLicenses: 'Licenses',
  colUnit: 'Price per license',
  colAmount: 'Amount',
  subtotal: 'Subtotal',
  tax: (rate: string) => `VAT ${rate}`,
  reverseCharge: 'Reverse charge: VAT to be accounted for by the recipient',
  totalDue: 'Total due today',
  billingDate: (date: string) => `Your billing date moves to ${date}.`,
  editOrder: 'Edit order',
  editOrderOf: (product: string) => `Edit order: ${product}`,
  continueToPayment: 'Continue to payment',
  addPromo: 'Add a promotion code',
  promoLabel: 'Promotion code',
  applyPromo: 'Apply',
  promoApplied: (code: string) => `Promotion code ${code} applied`,
  removePromo: 'Remove code',
  adjustCredit: (product: string) => `${product}: credit for the unused time`,
  adjustCharge: (product: string, period: string) => `${product}: new period ${period}`,
  quoteChanged: 'Prices changed since you last looked. Review the new total before you pay.',
  quoteExpired: 'Your quote expired, so we priced your order again. Review it before you pay.',
  totalChanged: (from: string, to: string) => `The total changed from ${from} to ${to}.`,
  updatingTotal: 'Updating total…',

  /** The order summary beside the steps (cw-summary): the quote once there is one, an estimate from list prices before. */
  summaryHeading: 'Order summary',
  summaryEmpty: 'Your order summary appears here as you choose.',
  /** The badge beside the heading while the figures are an estimate. */
  summaryEstimate: 'Estimate',
  estimatedTotal: 'Estimated total, before tax',
  summaryEstimateNote: 'At list prices. Review shows the exact total, with tax.',
  /** The collapsed summary's figure when it is an estimate: "Order summary · about €800.00". */
  summaryAbout: (total: string) => `about ${total}`,
  freeTrialDays: { one: 'Free trial · # day', other: 'Free trial · # days' },

  payHeading: 'Payment',
  paymentMethod: 'Payment method',
  defaultMethod: 'Default',
  expires: (date: string) => `Expires ${date}`,
  addMethod: 'Add payment method',
  saveMethod: 'Save payment method',
  cancel: 'Cancel',
  noProvider: 'To add a payment method, contact your billing administrator.',
  vatLabel: 'VAT number (if applicable)',
  vatHint: 'Businesses in the EU can enter their VAT number; a valid one from another EU country is reverse charged.',
  applyVat: 'Apply',
  vatErrors: {
    country: 'Start with the country code, such as IT or DE.',
    format: 'This does not look like a VAT number for that country. Check the digits.',
    checksum: 'This VAT number has a typo: its check digit does not match.',
  },
  vatValid: (name: string) => (name ? `VAT number verified: ${name}` : 'VAT number verified'),
  vatInvalid: 'This VAT number is not valid. Check it, or leave the field empty.',
  vatUnavailable: 'We could not verify this VAT number right now. You can still place your order; VAT is charged.',
  vatOtherCountry: 'This VAT number is from another country than your billing address, so VAT is charged.',
  vatCharged: 'Your VAT number is verified, and VAT is charged: reverse charge does not apply to a business in your country.',
  placeOrder: (total: string) => `Place order · ${total}`,
  payingFor: 'Your order',
  billedMonthly: 'Billed monthly',
  billedAnnually: 'Billed annually',
  renews: {
    monthly: (date: string, amount: string) => `Renews automatically on ${date} at ${amount} a month until you cancel.`,
    annual: (date: string, amount: string) => `Renews automatically on ${date} at ${amount} a year until you cancel.`,
  },
  authorise: 'By placing this order, you authorise us to charge your payment method now and at each renewal until you cancel. You can cancel before any renewal.',
  placingOrder: 'Placing your order…',
  authenticating: 'Confirm the payment in the window from your bank…',
  confirming: 'Checking your order…',
  unconfirmed: 'We could not confirm your order yet.',
  unconfirmedHint: 'Your order may already be placed. Checking again never charges you twice.',
  checkAgain: 'Check again',
  offline: 'You appear to be offline. Your order is kept; we will go on when the connection is back.',

  doneHeading: 'Thank you! Your order is complete',
  processingHeading: 'Thank you! Your payment is processing',
  processingText: (email: string) => `Your order starts when the payment clears, usually within a few working days. We will e-mail ${email} when it does.`,
  trialHeading: 'Your free trial has started',
  orderNumber: 'Order number',
  totalPaid: 'Total paid',
  newBillingDate: 'New billing date',
  access: 'You can use your new products and licenses right away.',
  emailSent: (email: string) => `We sent a confirmation to ${email}.`,
  trialEnds: 'Trial ends',
  welcomeSent: (email: string) => `We sent a welcome e-mail to ${email}.`,
  assignLicenses: 'Assign licenses to users',
  assignHint: 'Assign the new licenses to your users so they can sign in.',
  addMore: 'Add another product',
  orderSummary: 'Order summary',
  trialSummary: 'Your trial',
  /**
   * The new billing date, by the terms bought. `day`: the day of the month ("2"); `month`: the month's name as a date
   * writes it ("December"; "декабря"); `date`: both as the locale writes them ("December 2"; "2. Dezember"; "12月2日").
   */
  billingDay: {
    monthly: (day: string, _month: string, _date: string) => `Your billing date is now the ${nth(day)} of each month.`,
    annual: (day: string, month: string, _date: string) => `Your billing date is now the ${nth(day)} of ${month} each year.`,
    mixed: (day: string, month: string, _date: string) =>
      `Your billing date is now the ${nth(day)} of each month for monthly plans, and the ${nth(day)} of ${month} each year for annual plans.`,
  },
  viewReceipt: 'View receipt',
  opensInNewTab: '(opens in a new tab)',

  signedOutHeading: 'Please sign in again',
  signedOutText: 'Your session has ended. Sign in again, then try again.',
  corporateHeading: 'Your account is managed in the corporate billing portal',
  corporateText: 'Corporate accounts add products through their corporate billing portal or their account representative.',
  corporateLink: 'Open the corporate billing portal',
  forbiddenHeading: 'Only billing contacts can add products',
  forbiddenText: (email: string) => (email ? `Ask your billing contact (${email}) to add it for you.` : 'Ask your billing contact to add it for you.'),
  unavailableHeading: 'Checkout is not available right now',
  unavailableText: 'We could not reach the billing service. Check your connection and try again.',
  retryIn: { one: 'We will try again in # second.', other: 'We will try again in # seconds.' },
  signIn: 'Sign in',
  askContact: (name: string) => `Ask ${name}`,
  askSubject: (product: string) => (product ? `Please add ${product} to our subscription` : 'Please add a product to our subscription'),
  askBody: (name: string, product: string, sender: string) =>
    `Hi ${name},\n\nCould you add ${product || 'a product'} to our subscription? Only billing contacts can add products.\n\nThank you,\n${sender}`,

  errors: {
    network: 'We could not reach the billing service. Check your connection and try again.',
    invalid_response: 'The billing service sent something we could not read. Try again.',
    unavailable: 'The billing service is busy. Try again in a moment.',
    payment_declined: 'Your payment method was declined. Choose or add another one.',
    payment_method_required: 'Choose a payment method.',
    seats_out_of_range: 'That number of licenses is not available for this plan.',
    invalid_vat_id: 'This VAT number is not valid.',
    promotion_code_invalid: 'This promotion code does not exist. Check it and try again.',
    promotion_code_expired: 'This promotion code has expired.',
    promotion_code_not_applicable: 'This promotion code does not apply to the products in your order.',
    already_subscribed: 'Your account already has this product.',
    trial_already_used: 'This account has already had a free trial of this product.',
    generic: 'Something went wrong. Try again.',
  },
  declines: {
    authentication_failed: 'Your bank could not confirm this payment. Try again, or choose another payment method.',
    insufficient_funds: 'The card has insufficient funds. Choose or add another payment method.',
    card_expired: 'This card has expired. Choose or add another payment method.',
    do_not_honor: 'Your bank declined this payment. Contact your bank, or choose another payment method.',
    generic_decline: 'Your payment method was declined. Choose or add another one.',
  },
} as const;

/**
 * A count's wording in each plural category the language uses (`Intl.PluralRules`):
 * `#` stands for the number, formatted for the locale. `other` is required.
 */
export type Plural = { other: string } & Partial<Record<'zero' | 'one' | 'two' | 'few' | 'many', string>>;

type Widen<T> = T extends string
  ? string
  : T extends { other: string }
    ? Plural
  : T extends (...args: infer A) => string
    ? (...args: A) => string
    : { [K in keyof T]: Widen<T[K]> };

/** Every locale provides every message; the compiler checks it. */
export type Messages = Widen<typeof en>;

import { withOverrides } from '../overrides.js';
import type { StringOverrides } from '../overrides.js';
import pt from './pt.js';

/** Brazilian Portuguese: where it differs from pt.ts, which gives every other message. */
export default withOverrides(pt, {
  widgetLabel: 'Adicionar uma assinatura',
  loading: 'Carregando…',
  next: 'Avançar',
  stepFailed: 'Não foi possível carregar esta etapa. Verifique sua conexão e tente novamente.',
  stepNames: {
    mode: 'Comprar ou testar',
    term: 'Cobrança',
  },
  stepOf: (n: number, total: number) => `Etapa ${n} de ${total}`,
  stepOfNamed: (n: number, total: number, step: string) => `Etapa ${n} de ${total}: ${step}`,
  stepDoneGoBack: (step: string) => `${step}, concluído – voltar a esta etapa`,
  selectIntro: 'Adicione um plano ou um teste grátis à sua conta. Você pode usar o novo produto imediatamente.',
  fromPrice: (price: string) => `A partir de ${price} por licença / mês`,
  trialBadge: { one: 'Teste grátis de # dia', many: 'Teste grátis de # de dias', other: 'Teste grátis de # dias' },
  modeHeading: (product: string) => `${product}: compre ou teste grátis`,
  buyHint: 'Escolha um plano com cobrança mensal ou anual.',
  tryFree: { one: 'Teste grátis por # dia', many: 'Teste grátis por # de dias', other: 'Teste grátis por # dias' },
  tryHint: 'Não é preciso pagar nada. Você receberá um e-mail de boas-vindas com todos os detalhes.',
  trialLasts: { one: 'O teste dura # dia.', many: 'O teste dura # de dias.', other: 'O teste dura # dias.' },
  trialNoCharge: (date: string) => `Nada será cobrado, a menos que você compre antes de ${date}.`,
  seatRange: (min: number, max: number) => `De ${min} a ${max} licenças de usuário`,
  seatsHeading: 'De quantas licenças de usuário você precisa?',
  seatsLabel: 'Licenças de usuário',
  seatsErrors: {
    required: 'Informe o número de licenças de usuário.',
    not_integer: 'Informe um número inteiro, como 5.',
    min: {
      one: 'Você precisa de pelo menos # licença.',
      many: 'Você precisa de pelo menos # de licenças.',
      other: 'Você precisa de pelo menos # licenças.',
    },
  },
  trialSeats: 'Grátis durante o período de teste.',
  startTrial: 'Iniciar teste',
  termHeading: 'Com que frequência você prefere ser cobrado?',
  save: (percent: string) => `Economize ${percent}`,
  saveChanges: 'Salvar alterações',
  cartHeading: 'Seu carrinho',
  licenses: { one: '# licença de usuário', many: '# de licenças de usuário', other: '# licenças de usuário' },
  undo: 'Desfazer',
  estimatedSubtotal: (total: string) =>
    `Subtotal estimado: ${total}, sem impostos. O total exato aparece na revisão.`,
  reviewHeading: 'Revise seu pedido',
  reviewIntro: 'O novo período de cobrança começa hoje.',
  colPeriod: 'Período de cobrança',
  colAmount: 'Valor',
  billingDate: (date: string) => `Sua data de cobrança passa a ser o dia ${date}.`,
  editOrder: 'Editar pedido',
  editOrderOf: (product: string) => `Editar pedido: ${product}`,
  quoteChanged: 'Os preços mudaram desde a última vez que você os viu. Confira o novo total antes de pagar.',
  quoteExpired: 'Seu orçamento expirou, então recalculamos o valor do pedido. Confira-o antes de pagar.',
  updatingTotal: 'Atualizando o total…',
  summaryHeading: 'Resumo do pedido',
  summaryEmpty: 'O resumo do seu pedido aparece aqui conforme você faz suas escolhas.',
  summaryEstimateNote: 'Com preços de tabela. O total exato, com impostos, aparece na revisão.',
  freeTrialDays: { one: 'Teste grátis · # dia', many: 'Teste grátis · # de dias', other: 'Teste grátis · # dias' },
  paymentMethod: 'Forma de pagamento',
  defaultMethod: 'Padrão',
  addMethod: 'Adicionar forma de pagamento',
  saveMethod: 'Salvar forma de pagamento',
  noProvider: 'Para adicionar uma forma de pagamento, entre em contato com o administrador de cobrança.',
  vatHint:
    'Empresas da UE podem informar o número de IVA; se ele for válido e de outro país da UE, aplica-se a autoliquidação.',
  vatErrors: {
    country: 'Comece com o código do país, como IT ou DE.',
    format: 'Isso não parece um número de IVA desse país. Confira os dígitos.',
    checksum: 'Este número de IVA tem um erro de digitação: o dígito verificador não confere.',
  },
  vatInvalid: 'Este número de IVA não é válido. Confira-o ou deixe o campo em branco.',
  vatUnavailable:
    'Não foi possível verificar este número de IVA agora. Você ainda pode fazer o pedido; nesse caso, o IVA será cobrado.',
  vatOtherCountry:
    'Este número de IVA é de um país diferente do seu endereço de cobrança, por isso o IVA será cobrado.',
  vatCharged:
    'Seu número de IVA foi verificado, mas o IVA será cobrado: a autoliquidação não se aplica a empresas do seu país.',
  placeOrder: (total: string) => `Fazer pedido · ${total}`,
  payingFor: 'Seu pedido',
  billedMonthly: 'Cobrança mensal',
  billedAnnually: 'Cobrança anual',
  renews: {
    monthly: (date: string, amount: string) =>
      `A assinatura é renovada automaticamente em ${date} pelo valor de ${amount} por mês até você cancelar.`,
    annual: (date: string, amount: string) =>
      `A assinatura é renovada automaticamente em ${date} pelo valor de ${amount} por ano até você cancelar.`,
  },
  authorise:
    'Ao fazer este pedido, você nos autoriza a cobrar na sua forma de pagamento agora e a cada renovação até você cancelar a assinatura. Você pode cancelar antes de qualquer renovação.',
  placingOrder: 'Enviando seu pedido…',
  confirming: 'Verificando seu pedido…',
  unconfirmed: 'Ainda não foi possível confirmar seu pedido.',
  unconfirmedHint: 'Talvez seu pedido já tenha sido feito. Verificar novamente nunca gera uma cobrança em dobro.',
  offline: 'Parece que você está sem conexão. Seu pedido está guardado; continuaremos quando a conexão voltar.',
  doneHeading: 'Obrigado! Seu pedido foi concluído',
  processingHeading: 'Obrigado! Seu pagamento está sendo processado',
  processingText: (email: string) =>
    `Seu pedido começa quando o pagamento for compensado, geralmente em poucos dias úteis. Quando isso acontecer, enviaremos um e-mail para ${email}.`,
  trialHeading: 'Seu teste grátis começou',
  orderNumber: 'Número do pedido',
  newBillingDate: 'Nova data de cobrança',
  access: 'Você já pode usar seus novos produtos e licenças.',
  emailSent: (email: string) => `Enviamos uma confirmação para ${email}.`,
  trialEnds: 'Fim do teste',
  welcomeSent: (email: string) => `Enviamos um e-mail de boas-vindas para ${email}.`,
  assignLicenses: 'Atribuir licenças aos usuários',
  assignHint: 'Atribua as novas licenças aos seus usuários para que eles possam fazer login.',
  orderSummary: 'Resumo do pedido',
  trialSummary: 'Seu teste',
  billingDay: {
    monthly: (day: string, _month: string, _date: string) =>
      `Sua data de cobrança passa a ser o dia ${day === '1' ? '1º' : day} de cada mês.`,
    annual: (day: string, month: string, _date: string) =>
      `Sua data de cobrança passa a ser o dia ${day === '1' ? '1º' : day} de ${month} de cada ano.`,
    mixed: (day: string, month: string, _date: string) =>
      `Sua data de cobrança passa a ser o dia ${day === '1' ? '1º' : day} de cada mês nos planos mensais e o dia ${day === '1' ? '1º' : day} de ${month} de cada ano nos planos anuais.`,
  },
  opensInNewTab: '(abre em uma nova guia)',
  signedOutHeading: 'Faça login novamente',
  signedOutText: 'Sua sessão terminou. Faça login novamente e tente outra vez.',
  corporateHeading: 'Sua conta é gerenciada no portal de cobrança corporativo',
  corporateText:
    'Contas corporativas adicionam produtos pelo portal de cobrança corporativo ou pelo seu representante de conta.',
  corporateLink: 'Abrir o portal de cobrança corporativo',
  forbiddenHeading: 'Somente os contatos de cobrança podem adicionar produtos',
  forbiddenText: (email: string) =>
    email
      ? `Peça ao seu contato de cobrança (${email}) para adicionar o produto para você.`
      : 'Peça ao seu contato de cobrança para adicionar o produto para você.',
  unavailableHeading: 'A compra não está disponível no momento',
  unavailableText: 'Não foi possível acessar o serviço de cobrança. Verifique sua conexão e tente novamente.',
  retryIn: {
    one: 'Tentaremos novamente em # segundo.',
    many: 'Tentaremos novamente em # de segundos.',
    other: 'Tentaremos novamente em # segundos.',
  },
  signIn: 'Fazer login',
  askSubject: (product: string) =>
    product ? `Pedido: adicionar ${product} à nossa assinatura` : 'Pedido: adicionar um produto à nossa assinatura',
  askBody: (name: string, product: string, sender: string) =>
    `Olá, ${name},\n\nVocê pode adicionar ${product || 'um produto'} à nossa assinatura? Somente os contatos de cobrança podem adicionar produtos.\n\nDesde já, obrigado,\n${sender}`,
  errors: {
    network: 'Não foi possível acessar o serviço de cobrança. Verifique sua conexão e tente novamente.',
    invalid_response: 'O serviço de cobrança enviou uma resposta que não conseguimos ler. Tente novamente.',
    unavailable: 'O serviço de cobrança está sobrecarregado. Tente novamente em instantes.',
    payment_declined: 'Sua forma de pagamento foi recusada. Escolha ou adicione outra.',
    payment_method_required: 'Escolha uma forma de pagamento.',
    seats_out_of_range: 'Essa quantidade de licenças não está disponível para este plano.',
    promotion_code_invalid: 'Este código promocional não existe. Confira-o e tente novamente.',
    promotion_code_not_applicable: 'Este código promocional não se aplica aos produtos do seu pedido.',
    already_subscribed: 'Sua conta já tem este produto.',
    trial_already_used: 'Esta conta já usou um teste grátis deste produto.',
  },
  declines: {
    authentication_failed: 'Seu banco não conseguiu confirmar este pagamento. Tente novamente ou escolha outra forma de pagamento.',
    insufficient_funds: 'O cartão não tem saldo ou limite suficiente. Escolha ou adicione outra forma de pagamento.',
    card_expired: 'Este cartão está vencido. Escolha ou adicione outra forma de pagamento.',
    do_not_honor: 'Seu banco recusou este pagamento. Entre em contato com seu banco ou escolha outra forma de pagamento.',
    generic_decline: 'Sua forma de pagamento foi recusada. Escolha ou adicione outra.',
  },
} satisfies StringOverrides);

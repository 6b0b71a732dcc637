import { withOverrides } from '../overrides.js';
import type { StringOverrides } from '../overrides.js';
import fr from './fr.js';

/** French (Canada): where it differs from fr.ts, which gives every other message. */
export default withOverrides(fr, {
  stepNames: {
    tier: 'Forfait',
  },
  selectIntro:
    'Ajoutez un forfait ou un essai gratuit à votre compte. Vous pouvez utiliser le nouveau produit tout de suite.',
  subscribed: 'Déjà inclus dans votre forfait',
  buyHint: 'Choisissez un forfait et payez au mois ou à l’année.',
  tryHint: 'Aucun paiement requis. Vous recevrez un courriel de bienvenue avec tous les détails.',
  tierHeading: 'Choisissez un forfait',
  recommended: 'Recommandé',
  detailsOf: (tier: string) => `Détails du forfait ${tier}`,
  seatRange: (min: number, max: number) => `De ${min} à ${max} licences d’utilisateur`,
  seatsHeading: 'De combien de licences d’utilisateur avez-vous besoin?',
  seatsLabel: 'Licences d’utilisateur',
  seatsErrors: {
    required: 'Entrez le nombre de licences d’utilisateur.',
    not_integer: 'Entrez un nombre entier, par exemple 5.',
    max: {
      one: 'Ce forfait permet au plus #\u00a0licence.',
      many: 'Ce forfait permet au plus #\u00a0de licences.',
      other: 'Ce forfait permet au plus #\u00a0licences.',
    },
  },
  estimate: (total: string) => `Environ ${total} par mois, avant taxes`,
  termHeading: 'Quelle fréquence de facturation préférez-vous?',
  termTotalMonth: (total: string) => `${total} par mois pour vos licences, avant taxes`,
  termTotalYear: (total: string) => `${total} par année pour vos licences, avant taxes`,
  licenses: { one: '#\u00a0licence d’utilisateur', many: '#\u00a0de licences d’utilisateur', other: '#\u00a0licences d’utilisateur' },
  estimatedSubtotal: (total: string) =>
    `Sous-total estimé\u00a0: ${total}, avant taxes. Le montant exact figure dans le récapitulatif.`,
  adjustCredit: (product: string) => `${product}\u00a0: crédit pour la période non utilisée`,
  quoteExpired: 'Votre soumission a expiré; nous avons donc recalculé le prix de votre commande. Vérifiez-la avant de payer.',
  estimatedTotal: 'Total estimé, avant taxes',
  summaryEstimateNote: 'Aux prix courants. Le total exact, taxes comprises, figure dans le récapitulatif.',
  expires: (date: string) => `Date d’expiration\u00a0: ${date}`,
  paymentMethod: 'Mode de paiement',
  addMethod: 'Ajouter un mode de paiement',
  saveMethod: 'Enregistrer le mode de paiement',
  noProvider: 'Pour ajouter un mode de paiement, communiquez avec votre administrateur de la facturation.',
  vatLabel: 'Numéro de TVA (s’il y a lieu)',
  vatHint:
    'Les entreprises de l’UE peuvent entrer leur numéro de TVA; un numéro valide d’un autre pays de l’UE donne lieu à l’autoliquidation.',
  vatErrors: {
    country: 'Commencez par le code du pays, par exemple FR ou DE.',
    checksum: 'Ce numéro de TVA contient une faute de frappe\u00a0: son chiffre de contrôle ne correspond pas.',
  },
  vatUnavailable:
    'Nous ne pouvons pas vérifier ce numéro de TVA pour l’instant. Vous pouvez tout de même passer votre commande; la TVA sera alors facturée.',
  vatOtherCountry:
    'Ce numéro de TVA provient d’un autre pays que celui de votre adresse de facturation; la TVA est donc facturée.',
  renews: {
    monthly: (date: string, amount: string) =>
      `Votre abonnement sera renouvelé automatiquement le ${date} au prix de ${amount} par mois, jusqu’à son annulation.`,
    annual: (date: string, amount: string) =>
      `Votre abonnement sera renouvelé automatiquement le ${date} au prix de ${amount} par année, jusqu’à son annulation.`,
  },
  authorise:
    'En passant cette commande, vous nous autorisez à débiter votre mode de paiement dès maintenant et à chaque renouvellement, jusqu’à l’annulation de votre abonnement. Vous pouvez annuler avant tout renouvellement.',
  offline: 'Vous semblez être hors ligne. Votre commande est conservée; nous reprendrons dès que la connexion sera rétablie.',
  doneHeading: 'Merci! Votre commande est confirmée',
  processingHeading: 'Merci! Votre paiement est en cours de traitement',
  processingText: (email: string) =>
    `Votre commande commencera dès la réception du paiement, généralement d’ici quelques jours ouvrables. Nous vous en informerons par courriel à l’adresse ${email}.`,
  welcomeSent: (email: string) => `Nous avons envoyé un courriel de bienvenue à ${email}.`,
  billingDay: {
    mixed: (day: string, month: string, _date: string) =>
      `Votre date de facturation est désormais le ${day === '1' ? '1er' : day} de chaque mois pour les forfaits mensuels, et le ${day === '1' ? '1er' : day}\u00a0${month} de chaque année pour les forfaits annuels.`,
  },
  corporateHeading: 'Votre compte est géré dans le portail de facturation pour entreprises',
  corporateText:
    'Les comptes d’entreprise ajoutent des produits au moyen de leur portail de facturation pour entreprises ou de leur représentant.',
  corporateLink: 'Ouvrir le portail de facturation pour entreprises',
  forbiddenHeading: 'Seuls les responsables de la facturation peuvent ajouter des produits',
  forbiddenText: (email: string) =>
    email
      ? `Demandez à votre responsable de la facturation (${email}) de l’ajouter pour vous.`
      : 'Demandez à votre responsable de la facturation de l’ajouter pour vous.',
  askBody: (name: string, product: string, sender: string) =>
    `Bonjour ${name},\n\nPourriez-vous ajouter ${product || 'un produit'} à notre abonnement? Seuls les responsables de la facturation peuvent ajouter des produits.\n\nMerci à l’avance,\n${sender}`,
  errors: {
    payment_declined: 'Votre mode de paiement a été refusé. Choisissez-en ou ajoutez-en un autre.',
    payment_method_required: 'Choisissez un mode de paiement.',
    seats_out_of_range: 'Ce nombre de licences n’est pas offert pour ce forfait.',
  },
  declines: {
    authentication_failed: 'Votre banque n’a pas pu confirmer ce paiement. Réessayez ou choisissez un autre mode de paiement.',
    insufficient_funds: 'Les fonds disponibles sur cette carte sont insuffisants. Choisissez ou ajoutez un autre mode de paiement.',
    card_expired: 'Cette carte est expirée. Choisissez ou ajoutez un autre mode de paiement.',
    do_not_honor: 'Votre banque a refusé ce paiement. Communiquez avec votre banque ou choisissez un autre mode de paiement.',
    generic_decline: 'Votre mode de paiement a été refusé. Choisissez-en ou ajoutez-en un autre.',
  },
} satisfies StringOverrides);

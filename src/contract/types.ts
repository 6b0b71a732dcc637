import type { components } from './billing-api.js';

type Schemas = components['schemas'];

export type Money = Schemas['Money'];
export type Term = Schemas['Term'];
export type Account = Schemas['Account'];
export type PaymentMethod = Schemas['PaymentMethod'];
export type Catalog = Schemas['Catalog'];
export type Product = Schemas['Product'];
export type SeatRange = Schemas['SeatRange'];
export type Tier = Schemas['Tier'];
export type CartItemInput = Schemas['CartItemInput'];
export type Cart = Schemas['Cart'];
export type CartItem = Schemas['CartItem'];
export type Quote = Schemas['Quote'];
export type QuoteLine = Schemas['QuoteLine'];
export type Renewal = Schemas['Renewal'];
export type Discount = Schemas['Discount'];
export type Adjustment = Schemas['Adjustment'];
export type Order = Schemas['Order'];
export type OrderStatus = Order['status'];
export type OrderLine = Schemas['OrderLine'];
export type NextAction = Schemas['NextAction'];
export type PaymentFailure = Schemas['PaymentFailure'];
/** The decline codes this version lists; a newer server may send others. */
export type DeclineCode = Schemas['DeclineCode'];
export type PaymentSetup = Schemas['PaymentSetup'];
export type Trial = Schemas['Trial'];
export type VatVerdict = Schemas['VatVerdict'];
export type Problem = Schemas['Problem'];
/** The problem codes this version of the contract lists; a newer server may send others. */
export type ProblemCode = Schemas['ProblemCode'];

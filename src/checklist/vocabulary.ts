/** The closed vocabularies of the checklist format, beyond what the schema pins down. */

export const CUSTOMER_TYPES = ['b2c', 'b2b', 'c2c', 'b2g'] as const;
export type CustomerType = (typeof CUSTOMER_TYPES)[number];

/** How a word of a vocabulary reads: in a menu (label), and inside a sentence of a report (phrase). */
export interface Wording {
  label: string;
  phrase: string;
}

export const CUSTOMER_TYPE_TEXT: Record<CustomerType, Wording> = {
  b2c: { label: 'Consumers (B2C)', phrase: 'consumers (B2C)' },
  b2b: { label: 'Businesses, including sole proprietors (B2B)', phrase: 'businesses (B2B)' },
  c2c: { label: 'Consumers selling to each other through you (C2C)', phrase: 'consumers trading with each other (C2C)' },
  b2g: { label: 'Government and public bodies (B2G)', phrase: 'the public sector (B2G)' },
};

export const CHANNELS = ['web-shop', 'physical-store', 'phone', 'email', 'live-chat', 'chatbot', 'newsletter', 'social-media'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_TEXT: Record<Channel, Wording> = {
  'web-shop': { label: 'Web shop or online ordering', phrase: 'a web shop' },
  'physical-store': { label: 'Physical store, office or stand', phrase: 'a physical store' },
  phone: { label: 'Phone', phrase: 'phone' },
  email: { label: 'Email support', phrase: 'email' },
  'live-chat': { label: 'Live chat with people', phrase: 'live chat' },
  chatbot: { label: 'Chatbot or automated chat', phrase: 'a chatbot' },
  newsletter: { label: 'Newsletter or marketing emails', phrase: 'a newsletter' },
  'social-media': { label: 'Social media profiles', phrase: 'social media' },
};

export const MARKETS = ['eu', 'uk', 'us', 'other'] as const;
export type Market = (typeof MARKETS)[number];

export const MARKET_TEXT: Record<Market, Wording> = {
  eu: { label: 'The European Union', phrase: 'the EU' },
  uk: { label: 'The United Kingdom', phrase: 'the UK' },
  us: { label: 'The United States', phrase: 'the US' },
  other: { label: 'Elsewhere', phrase: 'other countries' },
};

/** Profile facts a question can need (`needs:`), as a report or the docs say them. */
export const NEED_PHRASE: Record<'ships-goods' | 'has-staff' | 'solo' | 'outside-support' | 'business-buyers', string> = {
  'ships-goods': 'ships goods',
  'has-staff': 'has people besides the owner dealing with customers',
  solo: 'is run by the owner alone',
  'outside-support': 'has an outside service answer customers',
  'business-buyers': 'sells to businesses, the public sector or sole proprietors',
};

export const STAGES = ['before-sale', 'during-sale', 'after-sale'] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  'before-sale': 'Before the sale',
  'during-sale': 'During the sale',
  'after-sale': 'After the sale',
};

/** Answers every question accepts besides its own. */
export const NOT_APPLICABLE = 'n/a';
export const UNSURE = 'unsure';

export const SCALE_MIN = 1;
export const SCALE_MAX = 5;

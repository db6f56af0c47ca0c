/** The closed vocabularies of the checklist format, beyond what the schema pins down. */

export const CUSTOMER_TYPES = ['b2c', 'b2b', 'c2c', 'b2g'] as const;
export type CustomerType = (typeof CUSTOMER_TYPES)[number];

export const CUSTOMER_TYPE_LABELS: Record<CustomerType, string> = {
  b2c: 'Consumers (B2C)',
  b2b: 'Businesses, including sole proprietors (B2B)',
  c2c: 'Consumers selling to each other through you (C2C)',
  b2g: 'Government and public bodies (B2G)',
};

export const CHANNELS = ['web-shop', 'physical-store', 'phone', 'email', 'live-chat', 'chatbot', 'newsletter', 'social-media'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel, string> = {
  'web-shop': 'Web shop or online ordering',
  'physical-store': 'Physical store, office or stand',
  phone: 'Phone',
  email: 'Email support',
  'live-chat': 'Live chat with people',
  chatbot: 'Chatbot or automated chat',
  newsletter: 'Newsletter or marketing emails',
  'social-media': 'Social media profiles',
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

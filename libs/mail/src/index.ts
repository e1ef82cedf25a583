export * from './html.js';
export * from './mailer.js';
export * from './templates/mail-layout.js';
export * from './templates/verification.template.js';
export * from './format.js';
export * from './templates/receipt.template.js';

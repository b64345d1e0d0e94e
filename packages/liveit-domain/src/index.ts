export * from './money.ts';
export * from './order-number.ts';
export * from './status.ts';
export * from './schemas.ts';
export * from './images.ts';
export * from './payments.ts';
export * from './routes.ts';
export * from './slug.ts';

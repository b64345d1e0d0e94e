// pg's value mapping, which its own queries use to bind parameters; not in @types/pg.
declare module 'pg/lib/utils.js' {
  const utils: {
    /** A JS value as its wire text: arrays as PostgreSQL array literals, dates, JSON, Buffers. */
    prepareValue(value: unknown): unknown;
  };
  export default utils;
}

/** Engine version recorded with every saved run. */
export const ENGINE_VERSION = '0.1.0';

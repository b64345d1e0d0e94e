import { createContext, useContext } from 'react';

/** Ids and state a Field hands to the control inside it. */
export interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
  'aria-required'?: true;
}

export const FieldContext = createContext<FieldControlProps | null>(null);

/**
 * Props that wire a form control to the label, hint and error of the enclosing Field
 * (empty outside a Field). Input, Textarea and Select use it; custom controls can too.
 */
export function useFieldControl(): Partial<FieldControlProps> {
  return useContext(FieldContext) ?? {};
}

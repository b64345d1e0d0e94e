import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Field } from './Field.tsx';
import { Input, Textarea } from './Input.tsx';

describe('Field', () => {
  it('labels the control and describes it by the hint', () => {
    render(
      <Field label="Display name" hint="Shown to your coach.">
        <Input name="name" />
      </Field>,
    );
    const input = screen.getByRole('textbox', { name: 'Display name' });
    expect(input).toHaveAccessibleDescription('Shown to your coach.');
    expect(input).not.toHaveAttribute('aria-invalid');
  });

  it('marks the control invalid and reads the error after the hint', () => {
    render(
      <Field label="Email" hint="We never share it." error="Enter a valid email address.">
        <Input name="email" type="email" />
      </Field>,
    );
    const input = screen.getByRole('textbox', { name: 'Email' });
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('We never share it. Enter a valid email address.');
    expect(screen.getByText('Enter a valid email address.').id).toBe(
      input.getAttribute('aria-describedby')?.split(' ')[1],
    );
  });

  it('wires a textarea the same way and keeps an explicit id', () => {
    render(
      <Field label="Notes" id="workout-notes" error="Too long." required>
        <Textarea name="notes" />
      </Field>,
    );
    const textarea = screen.getByRole('textbox', { name: /Notes/ });
    expect(textarea.id).toBe('workout-notes');
    expect(textarea).toHaveAttribute('aria-required', 'true');
    expect(textarea).toHaveAccessibleDescription('Too long.');
  });

  it('has no description at all without hint or error', () => {
    render(
      <Field label="City">
        <Input name="city" />
      </Field>,
    );
    expect(screen.getByRole('textbox', { name: 'City' })).not.toHaveAttribute('aria-describedby');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';

const background = () => getComputedStyle(document.documentElement).backgroundColor;
const scheme = () => getComputedStyle(document.documentElement).colorScheme;
const LIGHT_BG = 'rgb(255, 255, 255)';
const DARK_BG = 'rgb(11, 17, 32)';

afterEach(async () => {
  await commands.emulateColorScheme('light');
});

describe('theme switching with the real stylesheet', () => {
  it('follows the OS preference when no data-theme is set', async () => {
    await commands.emulateColorScheme('light');
    expect(background()).toBe(LIGHT_BG);
    expect(scheme()).toBe('light');
    await commands.emulateColorScheme('dark');
    expect(background()).toBe(DARK_BG);
    expect(scheme()).toBe('dark');
  });

  it('data-theme overrides the OS preference both ways', async () => {
    await commands.emulateColorScheme('dark');
    document.documentElement.dataset.theme = 'light';
    expect(background()).toBe(LIGHT_BG);
    await commands.emulateColorScheme('light');
    document.documentElement.dataset.theme = 'dark';
    expect(background()).toBe(DARK_BG);
  });

  it('utilities read the variables, so they switch without new classes', () => {
    const probe = document.createElement('p');
    probe.className = 'bg-primary text-primary-fg';
    document.body.append(probe);
    document.documentElement.dataset.theme = 'light';
    expect(getComputedStyle(probe).backgroundColor).toBe('rgb(29, 78, 216)');
    document.documentElement.dataset.theme = 'dark';
    expect(getComputedStyle(probe).backgroundColor).toBe('rgb(96, 165, 250)');
    probe.remove();
  });
});

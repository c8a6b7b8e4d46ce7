// @vitest-environment jsdom
// Start and End as the files write them: typed as YYYY-MM-DD HH:MM:SS, a day picked from the
// calendar keeps the time, the week's Monday/Friday shortcuts, and invalid text kept and flagged.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { weekShortcut, withDay } from '../../renderer/src/form/DateTimeField';
import { openEditor } from './render';

afterEach(cleanup);

describe('the date-time field', () => {
  it('computes the week’s ends and keeps the time of a picked day', () => {
    expect(weekShortcut('start', '2021-07-07')).toBe('2021-07-05 00:00:00');
    expect(weekShortcut('end', '2021-07-07')).toBe('2021-07-09 23:59:59');
    expect(weekShortcut('end', '2021-07-11')).toBe('2021-07-09 23:59:59');
    expect(weekShortcut('start', '2021-02-30')).toBeNull();
    expect(withDay('2021-07-05 09:30:00', '2021-07-12', 'start')).toBe('2021-07-12 09:30:00');
    expect(withDay('garbage', '2021-07-12', 'end')).toBe('2021-07-12 23:59:59');
  });

  it('shows and takes YYYY-MM-DD HH:MM:SS, keeps invalid text and flags it', async () => {
    const { user, text } = await openEditor();
    const start = screen.getByLabelText('Start') as HTMLInputElement;
    expect(start.value).toBe('2024-03-04 00:00:00');
    await user.clear(start);
    await user.type(start, '2024-03-11 00:00:00');
    // A whole date-time is written at once, in the file's plain style.
    expect(text()).toContain('start: 2024-03-11 00:00:00\n');
    await user.type(start, '{Backspace}{Backspace}{Backspace}');
    // Not a date yet: kept in the field and marked, the book unchanged until the field is left.
    expect(start.value).toBe('2024-03-11 00:00');
    expect(start.getAttribute('aria-invalid')).toBe('true');
    expect(text()).toContain('start: 2024-03-11 00:00:00\n');
    await user.tab();
    // Left as it is: written as typed (nothing lost), and the validation says what is wrong.
    expect(text()).toMatch(/start: "?2024-03-11 00:00"?\n/);
    expect(start.value).toBe('2024-03-11 00:00');
    await waitFor(() => expect(start.getAttribute('aria-invalid')).toBe('true'));
    expect(start.getAttribute('aria-describedby')!.split(' ').map((x) => document.getElementById(x)!.textContent).join(' ')).toMatch(/YYYY-MM-DD HH:MM:SS/);
    await user.type(start, ':00');
    expect(text()).toMatch(/start: "?2024-03-11 00:00:00"?\n/);
    await waitFor(() => expect(start.getAttribute('aria-invalid')).toBeNull());
  });

  it('picks a day from the calendar, keeping the time, and sets the week’s Monday and Friday', async () => {
    const { user, text } = await openEditor();
    const end = screen.getByLabelText('End') as HTMLInputElement;
    expect(screen.getByRole('button', { name: 'Pick the day of End from a calendar' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Day of End'), { target: { value: '2024-03-07' } });
    expect(end.value).toBe('2024-03-07 23:59:59');
    expect(text()).toContain('end: 2024-03-07 23:59:59\n');
    const friday = screen.getByRole('button', { name: 'Set End to Friday 23:59:59 of the week: 2024-03-08 23:59:59' });
    await user.click(friday);
    expect(text()).toContain('end: 2024-03-08 23:59:59\n');
    expect((friday as HTMLButtonElement).disabled).toBe(true);
    const start = screen.getByLabelText('Start') as HTMLInputElement;
    await user.clear(start);
    await user.type(start, '2024-03-06 10:00:00');
    await user.click(screen.getByRole('button', { name: 'Set Start to Monday 00:00:00 of the week: 2024-03-04 00:00:00' }));
    expect(text()).toContain('start: 2024-03-04 00:00:00\n');
  });

  it('a save commits text still being typed, as typed', async () => {
    const { user, api } = await openEditor();
    const end = screen.getByLabelText('End') as HTMLInputElement;
    await user.clear(end);
    await user.type(end, 'next friday');
    await user.keyboard('{Control>}s{/Control}');
    // Invalid, so not saved (an error blocks), but kept in the book and the field.
    await waitFor(() => expect(screen.getByRole('region', { name: 'Problems' })).toBeTruthy());
    expect(api.saves).toHaveLength(0);
    expect(end.value).toBe('next friday');
  });
});

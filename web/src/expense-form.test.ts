import { describe, expect, it } from 'vitest';
import { toExpense } from './expense-form';

describe('a draft expense', () => {
  it('becomes what the API takes: trimmed text and the exact decimal amount', () => {
    const { expense, errors } = toExpense({ date: '2024-03-01', type: ' food ', amount: '-1,234.5', description: ' lunch ' }, 'EUR');
    expect(errors).toEqual({});
    expect(expense).toEqual({ date: '2024-03-01', type: 'food', amount: '-1234.50', description: 'lunch' });
  });

  it('names each field that is missing or wrong', () => {
    const { expense, errors } = toExpense({ date: '', type: '  ', amount: '1.005', description: '' }, 'EUR');
    expect(expense).toBeUndefined();
    expect(errors).toEqual({ date: 'Enter a date.', type: 'Enter a type, such as food.', amount: 'Use at most 2 decimal places.' });
  });

  it('counts decimals by the ledger currency', () => {
    expect(toExpense({ date: '2024-03-01', type: 'x', amount: '1500', description: '' }, 'JPY').expense?.amount).toBe('1500');
    expect(toExpense({ date: '2024-03-01', type: 'x', amount: '15.5', description: '' }, 'JPY').errors.amount).toBeDefined();
  });
});

import { describe, expect, it } from 'vitest';
import { mayViewRelief } from '../../main/services/relief';

const staff = (role: 'clerk' | 'head' | 'admin') => ({ kind: 'staff' as const, id: `s-${role}`, name: role, role });

describe('who sees relief income, health and disability details', () => {
  it('the head and the admin by role, a clerk only with a grant of relief.view, the county always', () => {
    expect(mayViewRelief(staff('head'))).toBe(true);
    expect(mayViewRelief(staff('admin'))).toBe(true);
    expect(mayViewRelief(staff('clerk'))).toBe(false);
    expect(mayViewRelief(staff('clerk'), (id) => (id === 's-clerk' ? ['residents.export'] : []))).toBe(false);
    expect(mayViewRelief(staff('clerk'), (id) => (id === 's-clerk' ? ['relief.view'] : []))).toBe(true);
    expect(mayViewRelief({ kind: 'county', id: null, name: '县民政局' })).toBe(true);
  });
});

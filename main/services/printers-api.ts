/**
 * The printer calls: the operating system's list, and choosing this machine's printer at the
 * moment of printing (issue 6, item 5: the preview offers the list instead of only saying
 * none is chosen, and the choice is kept in 本机设置).
 */
import { AppError } from '../../common/errors';
import { can } from '../../common/roles';
import type { ApiPart, ServiceContext } from '../context';
import type { Printing } from './printing';

export function printersApi(ctx: ServiceContext, printing: Printing): ApiPart<'printers.list' | 'printers.choose'> {
  const { write } = ctx;
  return {
    async 'printers.list'() {
      return printing.listPrinters();
    },
    async 'printers.choose'({ printer }, me) {
      const current = ctx.machine.get().printer.trim();
      // Choosing the first printer is part of printing; changing one is a setting, which depends on the data: checked here.
      if (current && !can(me.role, 'settings.edit')) throw new AppError('FORBIDDEN', '本机已选择打印机；如需更换，请站长或管理员在 设置 → 本机设置 中修改');
      const known = await printing.listPrinters();
      if (!known.problem && !known.printers.some((p) => p.name === printer)) throw new AppError('VALIDATION', `本机没有名为“${printer}”的打印机，请从列表中选择`, { printer: '请从列表中选择' });
      if (printer !== current) {
        ctx.machine.update({ printer });
        write((tx) => tx.note({ actorId: me.id, action: 'settings.update', entity: 'settings', entityId: 'machine', detail: { changed: ['printer'] } }));
      }
      return { selected: printer };
    },
  };
}

/**
 * 社会救助 relief applications (common/contracts/relief.ts). First commit: the contract only;
 * every call answers 尚未完成 until the service lands.
 */
import type { ApiPart, ServiceContext } from '../context';
import type { reliefCalls } from '../../common/contracts/relief';
import { AppError } from '../../common/errors';

type ReliefCall = keyof typeof reliefCalls;

const NOT_YET = (): Promise<never> => Promise.reject(new AppError('UNAVAILABLE', '社会救助功能尚未完成'));

export function createRelief(_ctx: ServiceContext) {
  const api: ApiPart<ReliefCall> = {
    'relief.settings': NOT_YET,
    'relief.updateSettings': NOT_YET,
    'relief.preview': NOT_YET,
    'relief.create': NOT_YET,
    'relief.updateHousehold': NOT_YET,
    'relief.materials': NOT_YET,
    'relief.step': NOT_YET,
    'relief.emergency': NOT_YET,
    'relief.completeTask': NOT_YET,
    'relief.get': NOT_YET,
    'relief.list': NOT_YET,
    'relief.counts': NOT_YET,
    'relief.headList': NOT_YET,
    'relief.export': NOT_YET,
  };
  return { api };
}

export type Relief = ReturnType<typeof createRelief>;

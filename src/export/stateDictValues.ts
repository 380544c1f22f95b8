/** A module's state dict read out of its tensors, in PyTorch's keys and order, for a script to load. */
import type { Module } from '../engine/nn';

export interface StateEntry {
  key: string;
  shape: number[];
  /** `num_batches_tracked` is an integer counter; everything else is float32. */
  integer: boolean;
  values: number[];
}

export async function readStateDict(net: Module): Promise<StateEntry[]> {
  return Promise.all(
    [...net.stateDict()].map(async ([key, tensor]) => ({
      key,
      shape: tensor.shape,
      integer: tensor.dtype === 'int32',
      values: Array.from(await tensor.data()),
    })),
  );
}

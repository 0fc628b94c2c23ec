/** Messages of the checkpoint thread (one program, one process: typed, not parsed). */
export interface CheckpointThreadData {
  file: string;
  nativeBinding?: string;
}

export type CheckpointReply = { id: number; logPages: number } | { id: number; error: string };

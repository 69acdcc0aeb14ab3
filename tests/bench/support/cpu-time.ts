import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * CPU seconds used so far by a process and its children (Linux /proc), to report the
 * cost of a report in CPU time: on a machine shared with other work, wall-clock rates
 * say how busy the machine was; CPU time per report says what Siar costs.
 */
const TICKS = 100; // USER_HZ on Linux

function ownCpu(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime, stime, cutime, cstime are fields 14–17 (1-based); here offset by the two before ')'.
    return (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / TICKS;
  } catch {
    return 0;
  }
}

function children(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)]).toString().split('\n').map(Number).filter(Boolean);
  } catch {
    return [];
  }
}

/** CPU seconds of `pid` and of its living children (a postmaster's backends). */
export function cpuSeconds(pid: number): number {
  return ownCpu(pid) + children(pid).reduce((sum, child) => sum + ownCpu(child), 0);
}

export function postmasterPid(dataDir: string): number {
  return Number(readFileSync(`${dataDir}/postmaster.pid`, 'utf8').split('\n')[0]);
}

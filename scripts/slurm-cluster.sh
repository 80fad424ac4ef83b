#!/usr/bin/env bash
# A one-node Slurm cluster for tests and benchmarks, from Debian's packages: munged (as the munge user), slurmctld and
# slurmd as root from a slurm.conf written into DIR, with no cgroups and no systemd (proctrack/linuxproc, task/none).
#   scripts/slurm-cluster.sh start DIR   # installs slurm-wlm and munge if missing; waits until the node is idle
#   scripts/slurm-cluster.sh stop DIR    # stops the daemons it started, by PID
# Jobs need SLURM_CONF=DIR/slurm.conf in their environment.
set -euo pipefail
action=${1:?start or stop}
work=${2:?a folder for the configuration and state of the cluster}
mkdir -p "$work"
work=$(cd "$work" && pwd)

if [ "$action" = stop ]; then
  for pid in "$work/slurmd.pid" "$work/slurmctld.pid" "$work/munged.pid"; do
    [ -f "$pid" ] && kill "$(cat "$pid")" 2>/dev/null || true
  done
  sleep 1
  exit 0
fi

missing=()
for p in slurm-wlm munge; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# munge: a key of its own, the daemon as the munge user on its usual socket.
mkdir -p /etc/munge /run/munge /var/lib/munge /var/log/munge
[ -s /etc/munge/munge.key ] || dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
chown -R munge:munge /etc/munge /run/munge /var/lib/munge /var/log/munge
chmod 400 /etc/munge/munge.key
if ! pgrep -x munged >/dev/null; then
  runuser -u munge -- /usr/sbin/munged --pid-file=/run/munge/specbook-munged.pid
  cp /run/munge/specbook-munged.pid "$work/munged.pid"
fi

host=$(hostname -s)
memory=$(awk '/MemTotal/ {print int($2 / 1024 * 0.8)}' /proc/meminfo)
conf=$work/slurm.conf
mkdir -p "$work/state" "$work/spool"
cat > "$conf" <<CONF
ClusterName=specbook
SlurmctldHost=$host
AuthType=auth/munge
SlurmUser=root
SlurmdUser=root
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
ReturnToService=2
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
NodeName=$host CPUs=$(nproc) RealMemory=$memory State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF=$conf
slurmctld -f "$conf"
slurmd -f "$conf"
for _ in $(seq 1 30); do
  [ "$(sinfo -h -o %t 2>/dev/null || true)" = idle ] && exit 0
  sleep 1
done
echo "the one-node cluster did not come up: $(sinfo 2>&1 | tail -n 2)" >&2
exit 1

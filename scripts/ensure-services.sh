#!/usr/bin/env bash
# Starts PostgreSQL, MariaDB and Redis when they are not answering, with the same commands this machine kind uses.
# Used by `npm start`, the test setup and .ci/run, so a fresh machine needs no manual step.
set -euo pipefail

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for() {
  local name=$1 port=$2
  for _ in $(seq 1 60); do port_open "$port" && return 0; sleep 0.5; done
  echo "ensure-services: $name did not start on port $port" >&2
  return 1
}

if ! port_open 5432; then
  echo "ensure-services: starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main start
  wait_for PostgreSQL 5432
fi

if ! port_open 3306; then
  if [ ! -x /usr/sbin/mariadbd ]; then
    echo "ensure-services: MariaDB is not installed: apt-get install -y mariadb-server (.ci/run does)" >&2
    exit 1
  fi
  echo "ensure-services: starting MariaDB"
  # A stock install's config may name neither the user nor the socket directory: both are given here.
  mkdir -p /run/mysqld /var/log/mysql
  chown mysql:mysql /run/mysqld /var/log/mysql
  [ -d /var/lib/mysql/mysql ] || mariadb-install-db --user=mysql --datadir=/var/lib/mysql >/dev/null
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql
  wait_for MariaDB 3306
fi

if ! port_open 6379; then
  echo "ensure-services: starting Redis"
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
  wait_for Redis 6379
fi

#!/usr/bin/env bash
# Prints an nginx configuration for a private RTMP server on 127.0.0.1:PORT that records what it receives
# under PREFIX/received. Used by ./dev demo and by the streaming tests, so both run the same server.
set -euo pipefail
port=$1
prefix=$2
cat <<CONF
load_module /usr/lib/nginx/modules/ngx_rtmp_module.so;
worker_processes 1;
pid $prefix/nginx.pid;
error_log $prefix/logs/error.log info;
events { worker_connections 64; }
rtmp {
    server {
        listen 127.0.0.1:$port;
        chunk_size 4096;
        application live {
            live on;
            record all;
            record_path $prefix/received;
            record_unique on;
        }
    }
}
CONF

# Sourced, not run (`. scripts/use-node-24.sh`; .ci/run does): puts Node 24 LTS first on PATH for the
# rest of the shell. The machine's own node when it is 24; else the npm registry's node-linux-<arch>@24
# package (it ships the binary and Node's headers), installed once into a cache folder and reused.
# npm_config_nodedir points node-gyp (keytar) at the headers of the node that runs, so it downloads none.
saldo_node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || true; }

if ! command -v npm >/dev/null; then
  # Any node and npm will do to fetch Node 24; Debian's are there on every machine with apt.
  apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi

if [ "$(saldo_node_major node)" != 24 ]; then
  case "$(uname -m)" in
    x86_64) saldo_node_arch=x64 ;;
    aarch64) saldo_node_arch=arm64 ;;
    *) saldo_node_arch="$(uname -m)" ;;
  esac
  saldo_node_cache="${XDG_CACHE_HOME:-$HOME/.cache}/saldo/node24"
  saldo_node_home="$saldo_node_cache/node_modules/node-linux-$saldo_node_arch"
  if [ "$(saldo_node_major "$saldo_node_home/bin/node")" != 24 ]; then
    echo "Node 24 LTS: installing node-linux-$saldo_node_arch@24 from the npm registry into $saldo_node_cache"
    mkdir -p "$saldo_node_cache"
    npm install --prefix "$saldo_node_cache" --no-save --no-package-lock --no-audit --no-fund \
      --loglevel=error "node-linux-$saldo_node_arch@24"
  fi
  export PATH="$saldo_node_home/bin:$PATH"
fi

npm_config_nodedir="$(node -p 'require("node:path").resolve(process.execPath, "..", "..")')"
export npm_config_nodedir
echo "Node $(node --version) at $(command -v node), npm $(npm --version)"

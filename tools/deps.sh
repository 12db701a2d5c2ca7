#!/bin/sh
# Installs the Debian packages medsec needs to build, test and run its demo.
# Idempotent and quiet when nothing is missing. Usage: tools/deps.sh [build|test|demo|bench|fuzz]
# `tools/deps.sh --list WHAT` prints the packages of WHAT and installs nothing.
set -e
need="build-essential cmake pkg-config libsqlite3-dev libjansson-dev libzip-dev libxml2-dev
libxlsxwriter-dev zlib1g-dev sqlite3 libcurl4-openssl-dev libpcre2-dev libssl-dev libssh-dev
libcairo2-dev libpango1.0-dev fonts-ipaexfont-gothic libmurmurhash-dev"
# The namespace test bed's real services (tests/netns/testbed.sh): tests and the demo scan them.
bed="iproute2 openssh-server nginx-light tcpdump nftables openssl dnsmasq-base snmpd chrony
vsftpd samba strongswan-charon strongswan-swanctl inetutils-telnetd jq python3 postgresql xrdp"
list=""
if [ "$1" = --list ]; then list=1; shift; fi
case "${1:-build}" in
test) need="$need $bed libcmocka-dev clang libclang-rt-14-dev libreoffice-calc-nogui unzip
	python3-jsonschema python3-uno python3-paramiko poppler-utils gcc-mingw-w64-x86-64
	clang-format git wine64" ;;
demo) need="$need $bed gcc-mingw-w64-x86-64 wine64" ;;
bench) need="$need $bed libreoffice-calc-nogui libreoffice-writer-nogui poppler-utils nmap masscan time bc" ;;
fuzz) need="$need clang libclang-rt-14-dev" ;;
build) ;;
*) echo "usage: $0 [--list] [build|test|demo|bench|fuzz]" >&2; exit 2 ;;
esac
if [ -n "$list" ]; then echo $need; exit 0; fi
missing=""
for p in $need; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
	echo "medsec: missing Debian packages:$missing (run as root, or: sudo apt-get install$missing)" >&2
	exit 1
fi
echo "medsec: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
# The test bed runs its own sshd and nginx in namespaces: keep the packages' services
# from starting on this machine (policy-rc.d, as Debian's build tools do).
policy=""
if [ ! -e /usr/sbin/policy-rc.d ]; then
	printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
	chmod +x /usr/sbin/policy-rc.d
	policy=/usr/sbin/policy-rc.d
fi
trap '[ -z "$policy" ] || rm -f "$policy"' EXIT
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends $missing >/dev/null

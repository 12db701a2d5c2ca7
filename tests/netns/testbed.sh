# testbed.sh - hosts in network namespaces on a /24 of 198.18.0.0/15, joined by a bridge
# that lives in a namespace of its own: nothing is added to the machine's own network, and
# the scanner's namespace has no default route, so no packet can leave the test bed.
#
#   TB_SC  (198.18.0.2)   the scanner
#   TB_H1  (198.18.0.10)  vsftpd 21, sshd 22, telnetd 23, dnsmasq 53, nginx 80, 443 and 8443 (TLS),
#                         samba 139 and 445, PostgreSQL 5432, xrdp 13389, a listener on a random
#                         high port;
#                         UDP: dnsmasq 53, chrony 123, nmbd 137, snmpd 161, strongSwan 500 and 4500
#   TB_H2  (198.18.0.11)  nftables drops everything but 80 (a UTM that stays silent)
#   TB_H3  (198.18.0.12)  nothing listening, answers RST
#   TB_OUT (198.18.0.99)  an out-of-scope neighbour that must see no packet from the scanner
#
# IPv6 (documentation range): the scanner is TB_SC6 (2001:db8:1::2), h1 also answers on TB_H1_6
# (2001:db8:1::10: sshd 22, nginx 80; strongSwan 500 and 4500), the neighbour has TB_OUT6
# (2001:db8:1::99). Router solicitations and the like are turned off.
#
# Set any of those before sourcing to move a host. Source it, then: testbed_up DIR (needs
# root); testbed_down. Namespace names carry TB (unique per run).
TB=${TB:-m$$}
TB=$(printf '%s' "$TB" | cut -c1-7)
TB_HOSTS="sc h1 h2 h3 out"
TB_SC=${TB_SC:-198.18.0.2}
TB_H1=${TB_H1:-198.18.0.10}
TB_H2=${TB_H2:-198.18.0.11}
TB_H3=${TB_H3:-198.18.0.12}
TB_OUT=${TB_OUT:-198.18.0.99}
TB_SC6=${TB_SC6:-2001:db8:1::2}
TB_H1_6=${TB_H1_6:-2001:db8:1::10}
TB_OUT6=${TB_OUT6:-2001:db8:1::99}

tb_addr() {
	case $1 in sc) echo $TB_SC ;; h1) echo $TB_H1 ;; h2) echo $TB_H2 ;; h3) echo $TB_H3 ;;
	out) echo $TB_OUT ;; esac
}

tb_ns() { echo "$TB$1"; }

# PostgreSQL's server binaries (Debian installs them per major version).
tb_pg_bin() {
	for d in /usr/lib/postgresql/*/bin; do
		[ -x "$d/postgres" ] && { echo "$d"; return 0; }
	done
	return 1
}

testbed_can_run() {
	[ "$(id -u)" = 0 ] || { echo "needs root (CI runs as root)"; return 1; }
	command -v ip >/dev/null || { echo "needs iproute2"; return 1; }
	ip netns add "${TB}probe" 2>/dev/null || { echo "cannot create network namespaces here"; return 1; }
	ip netns del "${TB}probe"
	for c in sshd nginx tcpdump nft openssl ssh-keygen dnsmasq snmpd chronyd vsftpd smbd nmbd \
		telnetd runuser xrdp; do
		command -v $c >/dev/null || [ -x /usr/sbin/$c ] || { echo "needs $c"; return 1; }
	done
	[ -x /usr/lib/ipsec/charon ] && command -v swanctl >/dev/null ||
		{ echo "needs strongSwan's charon and swanctl"; return 1; }
	tb_pg_bin >/dev/null || { echo "needs PostgreSQL (postgresql-15)"; return 1; }
	return 0
}

testbed_up() {
	TB_DIR=$1
	ip netns add "${TB}br"
	ip netns exec "${TB}br" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 \
		net.ipv6.conf.default.disable_ipv6=1
	ip -n "${TB}br" link add br0 type bridge
	ip -n "${TB}br" link set br0 up
	ip -n "${TB}br" link set lo up
	for h in $TB_HOSTS; do
		ns=$(tb_ns $h)
		ip netns add "$ns"
		# IPv6 only where the bed uses it, and quiet: no router solicitations, no DAD.
		case $h in sc | h1 | out) v6=0 ;; *) v6=1 ;; esac
		ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.disable_ipv6=$v6 \
			net.ipv6.conf.default.disable_ipv6=$v6 net.ipv6.conf.default.router_solicitations=0 \
			net.ipv6.conf.default.accept_dad=0 net.ipv6.conf.all.accept_ra=0
		ip link add "${TB}$h" type veth peer name eth0 netns "$ns"
		ip link set "${TB}$h" netns "${TB}br"
		ip -n "${TB}br" link set "${TB}$h" master br0 up
		ip -n "$ns" link set lo up
		ip -n "$ns" addr add "$(tb_addr $h)/24" dev eth0
		case $h in
		sc) ip -n "$ns" addr add "$TB_SC6/64" dev eth0 nodad ;;
		h1) ip -n "$ns" addr add "$TB_H1_6/64" dev eth0 nodad ;;
		out) ip -n "$ns" addr add "$TB_OUT6/64" dev eth0 nodad ;;
		esac
		ip -n "$ns" link set eth0 up
	done
	# h1: real services.
	mkdir -p "$TB_DIR/h1" /run/sshd
	ssh-keygen -q -t ed25519 -N '' -f "$TB_DIR/h1/hostkey"
	ip netns exec "$(tb_ns h1)" /usr/sbin/sshd -f /dev/null -h "$TB_DIR/h1/hostkey" \
		-o ListenAddress=$TB_H1 -o "ListenAddress=[$TB_H1_6]" -o PidFile="$TB_DIR/h1/sshd.pid" \
		-o UsePAM=no
	openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=h1.testbed \
		-keyout "$TB_DIR/h1/key.pem" -out "$TB_DIR/h1/cert.pem" 2>/dev/null
	mkdir -p "$TB_DIR/h1/nginx/logs"
	# An icon of 1150 bytes (a 16x16 32-bit ICO), long enough for several base64 lines.
	/usr/bin/python3 -c "import struct,sys; sys.stdout.buffer.write(struct.pack('<HHHBBBBHHII',0,1,1,16,16,0,0,1,32,1128,22) + struct.pack('<IiiHHIIiiII',40,16,32,1,32,0,1088,0,0,0,0) + bytes((i * 7 + 3) % 256 for i in range(1088)))" > "$TB_DIR/h1/favicon.ico"
	# nginx's workers run as nobody: let them reach the icon (only the icon is readable).
	chmod a+x "$TB_DIR" "$TB_DIR/h1"
	chmod a+r "$TB_DIR/h1/favicon.ico"
	cat > "$TB_DIR/h1/nginx.conf" <<NGINX
pid $TB_DIR/h1/nginx.pid;
error_log $TB_DIR/h1/nginx/logs/error.log;
events {}
http {
	access_log off;
	client_body_temp_path $TB_DIR/h1/nginx;
	proxy_temp_path $TB_DIR/h1/nginx;
	fastcgi_temp_path $TB_DIR/h1/nginx;
	uwsgi_temp_path $TB_DIR/h1/nginx;
	scgi_temp_path $TB_DIR/h1/nginx;
	server {
		listen $TB_H1:80; listen [$TB_H1_6]:80;
		location = /favicon.ico { types { image/x-icon ico; } alias $TB_DIR/h1/favicon.ico; }
		location / { return 200 "h1\n"; }
	}
	server {
		listen $TB_H1:443 ssl;
		listen $TB_H1:8443 ssl;
		ssl_certificate $TB_DIR/h1/cert.pem;
		ssl_certificate_key $TB_DIR/h1/key.pem;
		return 200 "h1 tls\n";
	}
}
NGINX
	ip netns exec "$(tb_ns h1)" nginx -c "$TB_DIR/h1/nginx.conf" -p "$TB_DIR/h1/nginx"
	TB_HIGH_PORT=$((40000 + $$ % 20000))
	ip netns exec "$(tb_ns h1)" /usr/bin/python3 -c "
import socket, time
s = socket.socket(); s.bind(('$TB_H1', $TB_HIGH_PORT)); s.listen(64); time.sleep(900)" &
	echo $! > "$TB_DIR/h1/listener.pid"
	# h1's UDP services: DNS, NTP, SNMP (community "public").
	ip netns exec "$(tb_ns h1)" dnsmasq --conf-file=/dev/null --listen-address=$TB_H1 \
		--bind-interfaces --no-resolv --no-hosts --port=53 --user=root \
		--pid-file="$TB_DIR/h1/dnsmasq.pid"
	printf 'bindaddress %s\nallow all\nport 123\npidfile %s\ncmdport 0\n' "$TB_H1" \
		"$TB_DIR/h1/chronyd.pid" > "$TB_DIR/h1/chrony.conf"
	ip netns exec "$(tb_ns h1)" chronyd -x -f "$TB_DIR/h1/chrony.conf"
	printf 'rocommunity public\n' > "$TB_DIR/h1/snmpd.conf"
	ip netns exec "$(tb_ns h1)" env MIBS= snmpd -C -c "$TB_DIR/h1/snmpd.conf" -Ln -I -smux \
		-p "$TB_DIR/h1/snmpd.pid" "udp:$TB_H1:161" >"$TB_DIR/h1/snmpd.log" 2>&1
	# h1: xrdp, the Linux RDP server (its own config: port, the bed's certificate, no syslog).
	sed -e "s|^port=3389|port=tcp://$TB_H1:13389|" -e "s|^certificate=.*|certificate=$TB_DIR/h1/cert.pem|" \
		-e "s|^key_file=.*|key_file=$TB_DIR/h1/key.pem|" -e "s|^LogFile=.*|LogFile=$TB_DIR/h1/xrdp.log|" \
		-e "s|^EnableSyslog=.*|EnableSyslog=false|" /etc/xrdp/xrdp.ini > "$TB_DIR/h1/xrdp.ini"
	ip netns exec "$(tb_ns h1)" xrdp --nodaemon --config "$TB_DIR/h1/xrdp.ini" >/dev/null 2>&1 &
	echo $! > "$TB_DIR/h1/xrdp.pid"
	# h1: FTP, SMB and NetBIOS, IKE.
	mkdir -p /var/run/vsftpd/empty "$TB_DIR/h1/samba/ncalrpc"
	printf 'listen=YES\nlisten_ipv6=NO\nlisten_address=%s\nbackground=YES\nanonymous_enable=NO\nlocal_enable=YES\nsecure_chroot_dir=/var/run/vsftpd/empty\n' \
		"$TB_H1" > "$TB_DIR/h1/vsftpd.conf"
	ip netns exec "$(tb_ns h1)" vsftpd "$TB_DIR/h1/vsftpd.conf"
	cat > "$TB_DIR/h1/smb.conf" <<SMB
[global]
	interfaces = $TB_H1/24
	bind interfaces only = yes
	netbios name = H1TESTBED
	workgroup = MEDSEC
	pid directory = $TB_DIR/h1/samba
	lock directory = $TB_DIR/h1/samba
	state directory = $TB_DIR/h1/samba
	cache directory = $TB_DIR/h1/samba
	private dir = $TB_DIR/h1/samba
	ncalrpc dir = $TB_DIR/h1/samba/ncalrpc
	log file = $TB_DIR/h1/samba/log.%m
	load printers = no
	disable spoolss = yes
SMB
	ip netns exec "$(tb_ns h1)" smbd -D -s "$TB_DIR/h1/smb.conf"
	ip netns exec "$(tb_ns h1)" nmbd -D -s "$TB_DIR/h1/smb.conf"
	# strongSwan as a site-to-site VPN gateway (IKEv1, pre-shared key, AES-128/SHA1/MODP1024),
	# with its vendor ID on: it answers a proposal it accepts with its SA and vendor IDs.
	cat > "$TB_DIR/h1/strongswan.conf" <<SWAN
charon {
	load_modular = yes
	send_vendor_id = yes
	plugins {
		include /etc/strongswan.d/charon/*.conf
		vici {
			socket = unix://$TB_DIR/h1/charon.vici
		}
	}
}
SWAN
	cat > "$TB_DIR/h1/swanctl.conf" <<SWAN
connections {
	bed {
		version = 1
		local_addrs = $TB_H1
		proposals = aes128-sha1-modp1024
		local { auth = psk
			id = h1.bed.invalid }
		remote { auth = psk }
		children { bed { local_ts = $TB_H1/32 } }
	}
}
secrets { ike-bed { secret = medsec-bed-only } }
SWAN
	STRONGSWAN_CONF="$TB_DIR/h1/strongswan.conf" ip netns exec "$(tb_ns h1)" /usr/lib/ipsec/charon \
		>"$TB_DIR/h1/charon.log" 2>&1 &
	# PostgreSQL refuses to run as root, and the bed's folder is root's own: a folder of its own.
	TB_PG=$(mktemp -d /tmp/medsec-pg.XXXXXX)
	echo "$TB_PG" > "$TB_DIR/h1/pg.dir"
	chown postgres "$TB_PG"
	echo medsec-bed > "$TB_PG/pw"
	runuser -u postgres -- "$(tb_pg_bin)/initdb" -D "$TB_PG/data" -A scram-sha-256 --pwfile="$TB_PG/pw" \
		>"$TB_PG/initdb.log" 2>&1
	echo "host all all 0.0.0.0/0 scram-sha-256" >> "$TB_PG/data/pg_hba.conf"
	ip netns exec "$(tb_ns h1)" runuser -u postgres -- "$(tb_pg_bin)/postgres" -D "$TB_PG/data" \
		-c listen_addresses=$TB_H1 -c unix_socket_directories="$TB_PG" -p 5432 >"$TB_PG/log" 2>&1 &
	# telnetd runs from inetd; here a few lines of Python play inetd for it.
	ip netns exec "$(tb_ns h1)" /usr/bin/python3 -c "
import socket, subprocess, time
s = socket.socket(); s.bind(('$TB_H1', 23)); s.listen(16); s.settimeout(900)
while True:
    c, _ = s.accept()
    subprocess.Popen(['/usr/sbin/telnetd', '-E', '/bin/false'], stdin=c, stdout=c, stderr=c)
    c.close()" >/dev/null 2>&1 &
	# h2: a firewall that drops all but 80, and something on 80 and 22 behind it.
	ip netns exec "$(tb_ns h2)" nft -f - <<NFT
table inet tb {
	chain input {
		type filter hook input priority 0; policy drop;
		ct state established,related accept
		iif lo accept
		tcp dport 80 accept
	}
}
NFT
	for p in 80 22; do
		ip netns exec "$(tb_ns h2)" /usr/bin/python3 -c "
import socket, time
s = socket.socket(); s.bind(('$TB_H2', $p)); s.listen(64); time.sleep(900)" &
		echo $! >> "$TB_DIR/h2.pids"
	done
	# out: a neighbour with a service of its own, watched for any packet from the scanner.
	ip netns exec "$(tb_ns out)" /usr/bin/python3 -c "
import socket, time
s = socket.socket(); s.bind(('$TB_OUT', 22)); s.listen(64); time.sleep(900)" &
	echo $! > "$TB_DIR/out.pid"
	ip netns exec "$(tb_ns out)" /usr/bin/python3 -c "
import socket, time
s = socket.socket(socket.AF_INET6); s.bind(('$TB_OUT6', 22)); s.listen(64); time.sleep(900)" &
	echo $! >> "$TB_DIR/out.pid"
	ip netns exec "$(tb_ns out)" tcpdump -i eth0 -n -U -w "$TB_DIR/out.pcap" 2>/dev/null &
	echo $! > "$TB_DIR/out-tcpdump.pid"
	ip netns exec "${TB}br" tcpdump -i br0 -n -U -w "$TB_DIR/bridge.pcap" 'ip or ip6' 2>/dev/null &
	echo $! > "$TB_DIR/br-tcpdump.pid"
	# Wait until the services answer and the captures run (bounded).
	for _ in $(seq 1 100); do
		ip netns exec "$(tb_ns h1)" ss -lntu 2>/dev/null > "$TB_DIR/h1/listening"
		grep -q ":4500 " "$TB_DIR/h1/listening" && grep -q ":445 " "$TB_DIR/h1/listening" &&
			grep -q ":137 " "$TB_DIR/h1/listening" && grep -q ":21 " "$TB_DIR/h1/listening" &&
			grep -q ":23 " "$TB_DIR/h1/listening" && grep -q ":5432 " "$TB_DIR/h1/listening" &&
			grep -q ":13389 " "$TB_DIR/h1/listening" && break
		sleep 0.1
	done
	for _ in $(seq 1 50); do
		if ip netns exec "$(tb_ns h1)" /usr/bin/python3 -c "import socket
socket.create_connection(('$TB_H1', $TB_HIGH_PORT), 0.2)" 2>/dev/null &&
			[ -s "$TB_DIR/h1/nginx.pid" ]; then break; fi
		sleep 0.1
	done 2>/dev/null
	# charon listens before its control socket is up: load the connection when it is (bounded).
	for _ in $(seq 1 50); do
		swanctl --load-all --file "$TB_DIR/h1/swanctl.conf" --uri "unix://$TB_DIR/h1/charon.vici" \
			>"$TB_DIR/h1/swanctl.log" 2>&1 && break
		sleep 0.1
	done
	sleep 1
}

testbed_stop_captures() {
	for f in out-tcpdump br-tcpdump; do
		[ -f "$TB_DIR/$f.pid" ] && kill -INT "$(cat "$TB_DIR/$f.pid")" 2>/dev/null
	done
	sleep 1
}

testbed_down() {
	[ -n "${TB_DIR:-}" ] || return 0
	set +e	# whatever is already gone, take down the rest
	testbed_stop_captures
	for f in h1/sshd.pid h1/nginx.pid h1/listener.pid h1/dnsmasq.pid h1/chronyd.pid \
		h1/snmpd.pid h1/xrdp.pid out.pid h2.pids; do
		[ -f "$TB_DIR/$f" ] && kill $(cat "$TB_DIR/$f") 2>/dev/null
	done
	for h in $TB_HOSTS br; do
		ip netns pids "$(tb_ns $h)" 2>/dev/null | xargs -r kill 2>/dev/null
		ip netns del "$(tb_ns $h)" 2>/dev/null
	done
	if [ -f "$TB_DIR/h1/pg.dir" ]; then
		pg=$(cat "$TB_DIR/h1/pg.dir")
		for _ in $(seq 1 30); do [ -f "$pg/data/postmaster.pid" ] || break; sleep 0.1; done
		case $pg in /tmp/medsec-pg.*) rm -rf "$pg" ;; esac
	fi
	return 0
}

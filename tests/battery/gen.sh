# gen.sh - makes the battery's inputs at test time, sourced by run.sh.
#
#	gen_raw DIR BASE	raw HTTP responses (DIR/NAME.http, served
#				byte for byte by the fixture server's
#				/page?file=NAME), and the TLS server's files
#				in DIR/tls (openssl s_server -HTTP serves
#				them, also raw)
#	gen_pages DIR		local hostile pages, some of 100 MB
#
# Nothing here is stored in the repository: big inputs are written to the
# temporary directory each run, and compressed bombs come from the gzip,
# brotli and zstd tools when installed (the cases that need a missing
# tool are counted as skipped).

CRLF=$(printf '\r\n')

# raw NAME STATUS HEADERS < BODY: a whole response.  HEADERS are lines
# separated by "|" (no CR or LF inside).
raw () {
	name=$1
	shift
	raw_stdout "$@" >"$RAW_DIR/$name.http"
}

raw_stdout () {
	printf 'HTTP/1.1 %s\r\n' "$1"
	if [ -n "$2" ]; then
		printf '%s\n' "$2" | tr '|' '\n' | sed "s/\$/$CRLF/"
	fi
	printf 'Connection: close\r\n\r\n'
	cat
}

# A page of real-looking text around WORDS, for the charset cases.
page_with () {
	printf '<!DOCTYPE html><html><head>%s<title>%s</title></head><body><article><h1>%s</h1><p>%s, written for the battery so that there is enough text around it to count as an article body.</p><p>A second paragraph follows the first one and says nothing new at all.</p></article></body></html>\n' "$1" "$2" "$2" "$2"
}

gen_raw_network () {
	page_with "" "Raw article" | raw article "200 OK" "Content-Type: text/html"
	printf '<html><body><p>tiny</p></body></html>' |
		raw cl-huge "200 OK" "Content-Type: text/html|Content-Length: 1000000000000"
	page_with "" "Conflicting lengths" | head -c 300 |
		raw cl-conflict "200 OK" "Content-Type: text/html|Content-Length: 300|Content-Length: 40"
	: >"$RAW_DIR/empty-reply.http"
	{ printf 'HTTP/1.1 100 Continue\r\n\r\n'; page_with "" "After a continue" |
		raw_stdout "200 OK" "Content-Type: text/html"; } >"$RAW_DIR/continue.http"
	{ awk 'BEGIN { for (i = 0; i < 10000; i++)
		printf "HTTP/1.1 103 Early Hints\r\nLink: </style%d.css>; rel=preload\r\n\r\n", i }';
	  page_with "" "After early hints" | raw_stdout "200 OK" "Content-Type: text/html"; } \
		>"$RAW_DIR/early-hints.http"
	page_with "" "A weird status" | raw status-999 "999 Weird" "Content-Type: text/html"
	page_with "" "Negative length" |
		raw negative-length "200 OK" "Content-Type: text/html|Content-Length: -1"
	page_with "" "Excess body" | raw excess-body "200 OK" "Content-Type: text/html|Content-Length: 100"
	page_with "" "Many parameters" |
		raw type-params "200 OK" "Content-Type: text/html$(rep 1000 '; p=v')"
	printf '<p>moved</p>' |
		raw location-64k "302 Found" "Location: /status/200?$(rep 65536 q)"
	printf 'zz\r\nabc\r\n0\r\n\r\n' |
		raw bad-chunk "200 OK" "Content-Type: text/html|Transfer-Encoding: chunked"
	printf 'ffffffffffffffffffffffff\r\nabc\r\n0\r\n\r\n' |
		raw chunk-overflow "200 OK" "Content-Type: text/html|Transfer-Encoding: chunked"
	page_with "" "No status line" >"$RAW_DIR/http09.http"
	awk 'BEGIN { printf "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n";
		for (i = 0; i < 100000; i++) printf "X-Filler-%d: v\r\n", i;
		printf "Content-Length: 2\r\nConnection: close\r\n\r\nok" }' \
		>"$RAW_DIR/many-headers.http"
	printf 'Location: /echo|Set-Cookie: sid=s3cret-cookie; Path=/|Content-Type: text/html' |
		tr -d '\n' >loc.tmp
	printf '<p>moved</p>' | raw set-cookie-redirect "302 Found" "$(cat loc.tmp)"
	rm -f loc.tmp
	page_with "" "Page not found" | sed 's/<p>.*<\/p><p>/<p>/' |
		raw soft-404 "200 OK" "Content-Type: text/html"
	printf '<html><head><title>Lost and found: a history of the municipal office</title></head><body><article><h1>Lost and found</h1>%s</article></body></html>' \
		"<p>Umbrellas, keys and letters that were not found by their owners end up in the municipal office, where clerks keep them for a year.</p>
<p>The office opened in 1911 in a room behind the tram depot, and its first ledger lists forty gloves, three violins and a live goose.</p>
<p>During the war the shelves held ration books instead, and a clerk walked the streets every evening to return them by hand.</p>
<p>Today a database replaces the ledgers, yet the annual auction still pays for the shelves, the heating and the clerks' coffee.</p>
<p>Visitors who come to ask about a lost item are asked to describe it in detail, because most things that arrive look alike.</p>
<p>Bicycles are the hardest to keep: they fill the yard by autumn, and the auction sells them by the dozen to repair shops.</p>
<p>Wedding rings, on the other hand, are almost always claimed, often by a relieved spouse within a day or two of the loss.</p>
<p>The clerks say the strangest find of recent years was a rowing boat, left on a bench in the station with its oars inside.</p>
<p>Nobody ever came for it, and after a year it was given to the rowing club, which still uses it for beginners on calm days.</p>" |
		raw mentions-not-found "200 OK" "Content-Type: text/html"
}

gen_raw_encodings () {
	page_with "" "Compressed twice" >page.tmp
	gzip -9 -c page.tmp >gz1.tmp
	cp gz1.tmp gzn.tmp
	for i in 2 3 4 5 6; do
		gzip -9 -c gzn.tmp >next.tmp && mv next.tmp gzn.tmp
	done
	raw gzip-x6 "200 OK" "Content-Type: text/html|Content-Encoding: gzip, gzip, gzip, gzip, gzip, gzip" <gzn.tmp
	raw gzip-ok "200 OK" "Content-Type: text/html|Content-Encoding: gzip" <gz1.tmp
	head -c 40 gz1.tmp | raw gzip-cut "200 OK" "Content-Type: text/html|Content-Encoding: gzip|Content-Length: $(wc -c <gz1.tmp)"
	if command -v brotli >/dev/null 2>&1; then
		head -c 67108864 /dev/zero | brotli -c -q 5 |
			raw br-bomb "200 OK" "Content-Type: text/html|Content-Encoding: br"
		brotli -c gz1.tmp |
			raw gzip-br "200 OK" "Content-Type: text/html|Content-Encoding: gzip, br"
	fi
	if command -v zstd >/dev/null 2>&1; then
		head -c 67108864 /dev/zero | zstd -q -19 -c |
			raw zstd-bomb "200 OK" "Content-Type: text/html|Content-Encoding: zstd"
	fi
	rm -f page.tmp gz1.tmp gzn.tmp
}

# "café" in windows-1252 and in UTF-8.
CAFE_1252=$(printf 'caf\351')
CAFE_UTF8=$(printf 'caf\303\251')

gen_raw_types () {
	{ printf '\211PNG\r\n\032\n\000\000\000\rIHDR'; head -c 4000 /dev/zero; } |
		raw png-as-html "200 OK" "Content-Type: text/html"
	{ printf '<html><body><p>'; head -c 800 /dev/zero; printf 'text</p></body></html>'; } |
		raw nul-head "200 OK" "Content-Type: text/html"
	page_with "" "Menu: $CAFE_1252" |
		raw lying-utf8 "200 OK" "Content-Type: text/html; charset=utf-8"
	{ printf '\357\273\277'; page_with "" "Menu: $CAFE_UTF8"; } |
		raw bom-vs-header "200 OK" "Content-Type: text/html; charset=windows-1252"
	{ printf '\377\376'; page_with "" "Menu: $CAFE_UTF8" | iconv -f UTF-8 -t UTF-16LE; } |
		raw bom-utf16 "200 OK" "Content-Type: text/html; charset=utf-8"
	{ printf '<html><head><!-- %s -->' "$(head -c 1200 /dev/zero | tr '\000' p)";
	  page_with '<meta charset="windows-1252">' "Menu: $CAFE_1252"; } |
		raw meta-late "200 OK" "Content-Type: text/html"
	page_with '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">' "Menu: $CAFE_1252" |
		raw meta-http-equiv "200 OK" "Content-Type: text/html"
	page_with '<META CHARSET = " WINDOWS-1252 " >' "Menu: $CAFE_1252" |
		raw meta-spaced "200 OK" "Content-Type: text/html"
	page_with "" "Menu: $CAFE_UTF8" |
		raw label-foo "200 OK" "Content-Type: text/html; charset=foo"
	page_with "" "Menu: $CAFE_UTF8" |
		raw label-long "200 OK" "Content-Type: text/html; charset=$(head -c 10000 /dev/zero | tr '\000' k)"
	page_with "" "Menu: $CAFE_UTF8" |
		raw label-nul "200 OK" "$(printf 'Content-Type: text/html; charset=utf\001-8')"
	tr '\001' '\000' <"$RAW_DIR/label-nul.http" >nul.tmp &&
		mv nul.tmp "$RAW_DIR/label-nul.http"
	page_with "" "Plain +AGEAYgBj- words" |
		raw utf7 "200 OK" "Content-Type: text/html; charset=utf-7"
	page_with "" "Menu: $CAFE_1252" |
		raw x-user-defined "200 OK" "Content-Type: text/html; charset=x-user-defined"
	page_with "" "$(printf 'Kana \033$(Q$"$$\033(B end')" |
		raw iso2022jp3 "200 OK" "Content-Type: text/html; charset=ISO-2022-JP-3"
	page_with "" "$(printf 'Host \016\101\102\017 end')" |
		raw ibm1390 "200 OK" "Content-Type: text/html; charset=IBM1390"
	page_with '<meta charset="utf-16">' "Menu: $CAFE_UTF8" |
		raw meta-utf16 "200 OK" "Content-Type: text/html"
	page_with "" "$(printf 'Bad \300\257 \355\240\200 \377 \370\210\200\200\200 \364\220\200\200 end')" |
		{ cat; printf '\342\202'; } |
		raw bad-utf8 "200 OK" "Content-Type: text/html; charset=utf-8"
	# NULs past the first KiB: earlier, they make the page binary.
	{ printf '<!-- %s -->' "$(head -c 1100 /dev/zero | tr '\000' p)";
	  page_with "" "Word $(printf 'a\001b') here"; } | tr '\001' '\000' |
		raw nul-body "200 OK" "Content-Type: text/html"
	printf '<!-- %s -->' "$(head -c 1100 /dev/zero | tr '\000' p)" >nul.tmp
	printf '<html><head><title>Ti\000tle</title></head><body><article><p class="a\000b" title="x\000y">Para\000graph %s</p></article></body></html>' \
		"$(head -c 600 /dev/zero | tr '\000' w | sed 's/wwwww/words /g')" >>nul.tmp
	raw nul-title "200 OK" "Content-Type: text/html" <nul.tmp
	rm -f nul.tmp
	page_with "" 'x&#x80000000;secret title' |
		raw ncr-title "200 OK" "Content-Type: text/html"
	page_with "" 'body &#x800000C3;&#x80000028; and &#x800000FF; and &#x80000041; end' |
		raw ncr-body "200 OK" "Content-Type: text/html"
	page_with "" 'dec &#99999999999999999999; &#4294967337; &#0; &#xD800; end' |
		raw ncr-decimal "200 OK" "Content-Type: text/html"
	printf 'Title \342\200\250 sep \342\200\251 and \001\002\033 controls' >ctl.tmp
	page_with "" "$(cat ctl.tmp)" |
		raw controls "200 OK" "Content-Type: text/html"
	rm -f ctl.tmp
	# Every byte value inside markup, twice over.
	awk 'BEGIN { for (r = 0; r < 2; r++) for (i = 1; i < 256; i++)
		printf "<p title=\"%c\">%c&#%d;</p>", i, i, i * 4099 }' |
		raw soup "200 OK" "Content-Type: text/html"
	if iconv -f UTF-8 -t KOI8-R </dev/null >/dev/null 2>&1; then
		page_with "" "$(printf 'Privet \320\274\320\270\321\200')" |
			iconv -f UTF-8 -t KOI8-R |
			raw koi8r "200 OK" "Content-Type: text/html; charset=koi8-r"
		page_with "" "$(printf 'Nihao \344\270\255\346\226\207')" |
			iconv -f UTF-8 -t GB18030 |
			raw gb18030 "200 OK" "Content-Type: text/html; charset=gb18030"
	fi
	# Shift_JIS with a stray lead byte every 997 bytes: broken sequences
	# fall on every possible chunk boundary of a streaming decoder.
	awk 'BEGIN { printf "<html><body><article><p>";
		for (i = 0; i < 300; i++) {
			for (j = 0; j < 166; j++) printf "\202\240";
			printf "\202 ";
		}
		printf "</p></article></body></html>" }' |
		raw sjis-broken "200 OK" "Content-Type: text/html; charset=shift_jis"
}

# The TLS server's files; BASE is the plain server, for a downgrade.
gen_tls () {
	mkdir -p "$RAW_DIR/tls"
	page_with "" "Served over TLS" >page.tmp
	{ printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %s\r\n\r\n' \
		"$(wc -c <page.tmp)"; cat page.tmp; } >"$RAW_DIR/tls/page"
	{ printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n'; cat page.tmp; } \
		>"$RAW_DIR/tls/cut"
	# Ended only by the close (s_server -HTTP sends close_notify first).
	{ printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n'; cat page.tmp; } \
		>"$RAW_DIR/tls/close-delimited"
	printf 'HTTP/1.1 302 Found\r\nLocation: %s/status/200\r\nContent-Length: 0\r\n\r\n' \
		"$1" >"$RAW_DIR/tls/downgrade"
	printf 'HTTP/1.1 302 Found\r\nLocation: file:///etc/hostname\r\nContent-Length: 0\r\n\r\n' \
		>"$RAW_DIR/tls/to-file"
	rm -f page.tmp
}

gen_raw () {
	RAW_DIR=$1
	mkdir -p "$RAW_DIR"
	gen_raw_network
	gen_raw_encodings
	gen_raw_types
	gen_tls "$2"
}

# rep N TEXT: TEXT N times.
rep () {
	awk -v n="$1" -v s="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", s }'
}

# open_close N OPEN CLOSE: N opening tags, text, N closing tags.
open_close () {
	rep "$1" "$2"
	printf 'x'
	rep "$1" "$3"
}

gen_pages () {
	d=$1
	mkdir -p "$d"
	open_close 50000 '<div>' '</div>' >"$d/div50k.html"
	rep 50000 '<div>' >"$d/div50k-open.html"
	open_close 100000 '<div>' '</div>' >"$d/div100k.html"
	rep 300000 '<span>' >"$d/span300k.html"
	rep 1000000 '<span>' >"$d/span1m.html"
	rep 2000000 '<span>' >"$d/span2m.html"
	rep 75000 '<table><tr><td>' >"$d/table75k.html"
	rep 40000 '<b>x' >"$d/b40k.html"
	rep 40000 '<a>x' >"$d/a40k.html"
	rep 2000000 '<p>x' >"$d/p-open-8m.html"
	rep 1040000 '<p>x</p>' >"$d/p-dense-8m.html"
	rep 10000 '<select><option>x' >"$d/select10k.html"
	rep 10000 '<template>x' >"$d/template10k.html"
	rep 10000 '<svg><math>' >"$d/svgmath10k.html"
	{ printf '<table>'; rep 100000 '<div>x</div>'; } >"$d/foster100k.html"
	rep 50000 '<b><p></b></p>' >"$d/misnest50k.html"
	{ printf '<div'; awk 'BEGIN { for (i = 0; i < 200000; i++) printf " a%d=1", i }';
	  printf '>x</div>'; } >"$d/attr200k.html"
	{ printf '<div'; rep 1000000 ' a'; printf '>x</div>'; } >"$d/attrdup1m.html"
	{ printf '<div title="'; head -c 50000000 /dev/zero | tr '\000' a;
	  printf '">x</div>'; } >"$d/attr50m.html"
	{ printf '<div title="'; head -c 5000000 /dev/zero | tr '\000' a;
	  printf '">x</div><p>After the long attribute.</p>'; } >"$d/attr5m.html"
	{ printf '<p>'; head -c 100000000 /dev/zero | tr '\000' x; } >"$d/text100m.html"
	{ printf '<p>'; head -c 100000000 /dev/zero; } >"$d/nul100m.html"
	{ printf '<p>'; head -c 70000000 /dev/zero | tr '\000' '\377'; } >"$d/invalid70m.html"
	{ printf '<html><body><p>'; head -c 7000000 /dev/zero | tr '\000' x; printf '</p>'; } \
		>"$d/text7m.html"
	for tag in '!--' script textarea plaintext xmp; do
		name=$(echo "$tag" | tr -d '!-')
		{ printf '<html><body><p>Before.</p><%s>' "$tag";
		  head -c 7000000 /dev/zero | tr '\000' y; } >"$d/open-${name:-comment}.html"
	done
	printf '<div a a b=1 c=2 a=3 d=4>text</div><p>%s</p>' "$(rep 30 'More words here. ')" \
		>"$d/dup-attr.html"
	rep 10000 '<html><head><noscript><!DOCTYPE html>' >"$d/noscript10k.html"
	rep 1000000 '</x>' >"$d/endtags1m.html"
	rep 2000000 '<' >"$d/lt2m.html"
	{ printf '<title>'; head -c 3000000 /dev/zero | tr '\000' t; printf '</title><p>x</p>'; } \
		>"$d/title3m.html"
	printf '<!DOCTYPE html><title>t</title><p>A very small page.</p>\n' >"$d/tiny.html"
}

#!/bin/sh
# Writes the seed inputs of every harness under OUT/<harness>/:
#
#   tests/fuzz/seeds.sh OUT
#
# Seeds are generated, not committed: the project's own pages (samples/
# and the end-to-end fixtures, cut to 8 KB, the fuzzers' -max_len) plus
# small hand-written pages, charset snippets, records and URL lists.
# Each harness reads a few leading selector bytes (see its file-top
# comment); the seeds put sensible values there.
set -eu
export LC_ALL=C
out=${1:?usage: seeds.sh OUT}
here=$(dirname "$0")
root=$here/../..
max=8192

mkdir -p "$out/fuzz_pipeline" "$out/fuzz_charset" "$out/fuzz_json" \
	"$out/fuzz_urllist" "$out/fuzz_headers"
pages=$(mktemp -d)
trap 'rm -rf "$pages"' EXIT INT TERM

# ---- pages: ours, cut to size ------------------------------------------
n=0
for f in "$root"/samples/*/input.html; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	head -c $((max - 3)) "$f" > "$pages/sample$n.html"
done
for f in "$root"/tests/e2e/fixtures/*.http; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	# the body: everything after the blank line ending the headers
	tr -d '\r' < "$f" | sed '1,/^$/d' | head -c $((max - 3)) \
		> "$pages/fixture$n.html"
done

page() {
	cat > "$pages/$1.html"
}

page article <<'EOF'
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>River levels rise after a week of rain | Valley News</title>
<meta name="description" content="Flood barriers went up along the river.">
<meta property="og:site_name" content="Valley News">
<meta name="author" content="Ana Ruiz">
<meta property="article:published_time" content="2024-03-05T08:30:00Z">
<link rel="canonical" href="https://news.example/river">
</head><body>
<nav><a href="/">Home</a> <a href="/local">Local</a></nav>
<article><h1>River levels rise after a week of rain</h1>
<p class="byline">By Ana Ruiz</p>
<p>Flood barriers went up along the river on Tuesday as the water rose
for the seventh day in a row.</p>
<p>The town council said the barriers would stay until the weekend.</p>
<blockquote>We have seen this before, said a shop owner.</blockquote>
</article>
<aside>Subscribe to our newsletter</aside>
<footer><p>Copyright 2024 Valley News. All rights reserved.</p>
<p>Disclaimer: the views expressed are those of the authors.</p></footer>
</body></html>
EOF

page soft404 <<'EOF'
<html><head><title>Oops! Page not found</title></head>
<body><h1>Sorry, we can't find that page</h1>
<p>The page you are looking for may have been removed.</p>
<a href="/">Go back home</a></body></html>
EOF

page challenge <<'EOF'
<!DOCTYPE html><html><head><title>Just a moment...</title>
<noscript><meta http-equiv="refresh" content="0;url=/nojs"></noscript>
</head><body><div id="challenge"><h2>Checking your browser before
accessing the site.</h2><p>Enable JavaScript and cookies to continue</p>
</div><script>var a=1;</script></body></html>
EOF

page denied <<'EOF'
<html><head><title>403 Forbidden</title></head><body>
<h1>Access denied</h1><p>You don't have permission to access this
resource.</p><hr><address>Server at example.org Port 80</address>
</body></html>
EOF

page cookies <<'EOF'
<html><body><div class="cookie-banner" role="dialog">We use cookies.
<button>Accept all</button></div><main><h2>Opening hours</h2>
<p>Monday to Friday, nine to five.</p><p>Closed on holidays.</p></main>
<div hidden>secret</div><div style="display:none">also hidden</div>
</body></html>
EOF

page legal <<'EOF'
<html><head><title>Quarterly results</title></head><body>
<div class="content"><p>Revenue grew four percent.</p></div>
<div class="legal"><p>This document contains forward-looking
statements. Past performance is no guarantee of future results.</p>
</div></body></html>
EOF

page nesting <<'EOF'
<div><div><div><span><b><i><u><table><tr><td><ul><li><p>deep
<div><div><div><span><b><i><u><table><tr><td><ul><li><p>deeper
<template><p>in a template</template><svg><title>svg</title></svg>
<math><mi>x</mi></math><select><option>a<option>b</select>
EOF

page refs <<'EOF'
<p>&amp; &lt; &gt; &nbsp; &quot; &#65; &#x42; &#0; &#x0; &#128;
&#xD800; &#x10FFFF; &#x110000; &#x80000000; &#2147483648;
&#99999999999999; &#x00000000000041; &notin; &notit; &amp
EOF

page noscript <<'EOF'
<html><head><noscript><!DOCTYPE html></noscript></head><body>x</body></html>
EOF

page rawtext <<'EOF'
<title>a<b>c</title><textarea><p>not a tag</textarea><style>p{}</style>
<script><!--<script></script>--></script><xmp><i></xmp>
<iframe><p></iframe><noembed>x</noembed><plaintext><p>all text now
EOF

page jsonld <<'EOF'
<html><head><script type="application/ld+json">{"@type":"NewsArticle",
"headline":"A headline","datePublished":"2023-01-02","author":
{"@type":"Person","name":"Sam Lee"}}</script></head><body><p>Text.</p>
</body></html>
EOF

page meta1251 <<'EOF'
<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><body><p>text</p></body></html>
EOF

page metaxud <<'EOF'
<meta charset="x-user-defined"><p>meta says x-user-defined</p>
EOF

page attrs <<'EOF'
<p a=1 b='2' c="3" d e=f/ g = "h" a=dup a=dup2 />x<p =bad <p/ <p
EOF

printf '\357\273\277<p>utf-8 with a BOM</p>' > "$pages/bom8.html"
printf '\376\377\000<\000p\000>\000h\000i' > "$pages/bom16be.html"
printf '\377\376<\000p\000>\000h\000i\000' > "$pages/bom16le.html"
printf '<p>\203n\203\215\201[</p>' > "$pages/sjis.html"
printf '<p>\244\263\244\363</p>' > "$pages/eucjp.html"
printf '<p>\033$B$3$s\033(B</p>' > "$pages/iso2022jp.html"
printf '<p>\260\241\260\242</p>' > "$pages/euckr.html"
printf '<p>\201\060\201\060\224\071\332\063</p>' > "$pages/gb18030.html"
printf '<p>\244\100\244\101</p>' > "$pages/big5.html"
printf '<p>\300\200 \355\240\200 \364\220\200\200 \377</p>' \
	> "$pages/badutf8.html"
printf '<p>a\000b\000c</p>' > "$pages/nul.html"
printf '%%PDF-1.4 not a page' > "$pages/pdf.html"

# ---- fuzz_pipeline: status, content type, flags, then the page ----------
# statuses[1] = 200, [14] = 404, [20] = 429; content_types[0] = none,
# [1] = text/html, [5] = shift_jis, [14] = koi8-r
for f in "$pages"/*.html; do
	b=$(basename "$f" .html)
	{ printf '\001\000\000'; cat "$f"; } > "$out/fuzz_pipeline/$b"
	{ printf '\016\001\001'; cat "$f"; } > "$out/fuzz_pipeline/$b-404-text"
done
{ printf '\001\005\000'; cat "$pages/sjis.html"; } > "$out/fuzz_pipeline/sjis-hdr"
{ printf '\024\001\006'; cat "$pages/article.html"; } \
	> "$out/fuzz_pipeline/article-429-urls"
{ printf '\001\001\030'; cat "$pages/article.html"; } \
	> "$out/fuzz_pipeline/article-small-index"
{ printf '\001\002\040'; printf 'connection reset \377'; } \
	> "$out/fuzz_pipeline/failed"

# ---- fuzz_charset: a label index, then the bytes -------------------------
# labels[0] = none, [1] = utf-8, [5] = utf-16le, [22] = koi8-r,
# [30] = windows-1251, [39] = gb18030, [44] = shift_jis, [47] = euc-kr;
# 64 (0x40, or 0xC0 to quote it) is past the table: the label is the
# page's first line
for f in "$pages"/*.html; do
	b=$(basename "$f" .html)
	for l in 000 001 005 026 036 047 054 057; do
		{ printf "\\$l"; head -c 2048 "$f"; } > "$out/fuzz_charset/$b-$l"
	done
done
printf '\100koi8-r\n\301\302\327' > "$out/fuzz_charset/label-line"
printf '\300 Windows-1251 \n\340\341' > "$out/fuzz_charset/label-quoted"

# ---- fuzz_json: a field index, then the value ---------------------------
i=0
for v in 'plain text' 'tab\tnew\nline\rcr' 'quote " backslash \\ slash /' \
	'\001\002\037\177' '\303\251\342\202\254\360\237\230\200' \
	'\300\200 \355\240\200 \364\220\200\200 \377 \341\200' \
	'\357\277\276\357\277\277 \342\200\250\342\200\251' \
	'a\000b' '\316\261\316\262'; do
	for field in 000 005 006 007 011 020 021; do
		printf "\\$field$v" > "$out/fuzz_json/v$i-$field"
	done
	i=$((i + 1))
done

# ---- fuzz_urllist: a mode byte, then the list ----------------------------
# mode 0 = file, 1 = pipe in 1-byte chunks, 0x11 = pipe with expansion
list() {
	printf '%b' "$2" > "$out/fuzz_urllist/$1"
}
list plain '\000https://a.example/\nhttps://b.example/x?y=1\n'
list crlf '\000https://a.example/\r\nhttps://b.example/\r\n\r\n'
list bom '\000\357\273\277https://a.example/\n# comment\n  \n\thttps://b.example/  \n'
list nul '\000https://a.example/\000tail\nfile.html\n'
list nolf '\001one\ntwo\nthree'
list pipe '\013https://a.example/\n#x\nhttps://b.example/\n'
list comments '\000#only\n   #indented\n\n'
list long '\020\001\100a\nhttps://after.example/\n'
list longcomment '\021#\001\100b\nnext\n'
list exact '\020\001\077c\n'
list exactnolf '\020x\n\001\077c'
list dup '\000https://a.example/\nhttps://a.example/\nHTTPS://A.EXAMPLE/\n'
list mixed '\000/tmp/page.html\n-\nftp://x/\nhttp://[::1]:8080/\nnot a url\n'

# ---- fuzz_headers: a flags byte, then the server's reply ------------------
# flags 0 = 64 KB cap, redirects followed; 1 = 16-byte cap; 4 = no redirects
reply() {
	{ printf "\\$1"; printf '%b' "$3"; } > "$out/fuzz_headers/$2"
}
for f in "$root"/tests/e2e/fixtures/*.http; do
	[ -f "$f" ] || continue
	{ printf '\000'; head -c $((max - 1)) "$f"; } \
		> "$out/fuzz_headers/fixture-$(basename "$f" .http)"
done
ok='HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n'
body='<html><head><title>T</title></head><body><p>Hello</p></body></html>'
reply 000 ok "${ok}Content-Length: 69\r\n\r\n$body"
reply 001 capped "${ok}\r\n$body"
reply 000 lf-only 'HTTP/1.1 200 OK\nContent-Type: text/html\n\n<p>x</p>'
reply 000 http10 'HTTP/1.0 200 OK\r\n\r\n<p>no length, close ends it</p>'
reply 000 chunked "${ok}Transfer-Encoding: chunked\r\n\r\n5\r\n<p>ab\r\n0\r\n\r\n"
reply 000 badchunk "${ok}Transfer-Encoding: chunked\r\n\r\nzz\r\n<p>\r\n"
reply 000 short "${ok}Content-Length: 5000\r\n\r\n<p>cut short"
reply 000 long "${ok}Content-Length: 3\r\n\r\n<p>more than announced</p>"
reply 000 e404 'HTTP/1.1 404 Not Found\r\nContent-Type: image/png\r\n\r\nPNG'
reply 000 pdf 'HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4'
reply 000 pdf-empty 'HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\nContent-Length: 0\r\n\r\n'
reply 000 r429 'HTTP/1.1 429 Too Many Requests\r\nRetry-After: 120\r\n\r\nslow down'
reply 000 r503 'HTTP/1.1 503 Service Unavailable\r\nRetry-After: Wed, 21 Oct 2015 07:28:00 GMT\r\n\r\n'
reply 000 rhuge 'HTTP/1.1 503 x\r\nRetry-After: 99999999999999999999\r\n\r\n'
reply 000 redirect 'HTTP/1.1 301 Moved\r\nLocation: http://other.example/x\r\nContent-Length: 0\r\n\r\n'
reply 004 redirect-off 'HTTP/1.1 302 Found\r\nLocation: /y\r\n\r\n'
reply 000 redirect-ftp 'HTTP/1.1 302 Found\r\nLocation: ftp://x.example/\r\n\r\n'
reply 000 continue "HTTP/1.1 100 Continue\r\n\r\n${ok}\r\n<p>after 100</p>"
reply 000 twostatus "HTTP/1.1 200 OK\r\n\r\nHTTP/1.1 500 x\r\n\r\n"
reply 000 folded 'HTTP/1.1 200 OK\r\nContent-Type: text/html;\r\n charset=koi8-r\r\n\r\n<p>\301</p>'
reply 000 noctype 'HTTP/1.1 200 OK\r\nContent-Type:\r\n\r\n<p>x</p>'
reply 000 dupctype 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Type: image/gif\r\n\r\nGIF89a'
reply 000 nul 'HTTP/1.1 200 OK\r\nX-A: a\000b\r\n\r\n<p>x</p>'
reply 000 garbage 'HTTP/9.9 abc\r\n\r\n'
reply 000 http09 '<html>no status line</html>'
{ printf '\000HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n'
	printf '<p>compressed</p>' | gzip -c; } > "$out/fuzz_headers/gzip"
{ printf '\001HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n'
	head -c 100000 /dev/zero | gzip -c; } > "$out/fuzz_headers/gzip-bomb"

"""Page shells modelled on Indonesian news sites (2018-2025 crawls).

Each template wraps a known article body in realistic site furniture
(headers, trending bars, breadcrumbs, bylines, share bars, "Baca juga"
inserts, ad slots, video teasers, captions, initials, syndication notes,
related/popular lists, comment boxes, footers, scripts, JSON-LD ...) so an
article extractor's output can be scored against the inserted body.

The markup is written from memory of the general *kind* of layout each
outlet uses; it is not copied from any site.  Standard library only.

API:
    TEMPLATES: list[str]
    page(name, rng, title, paragraphs, headlines) -> (html, gold)
"""

import html as _html
import json
import random
import re
from datetime import datetime, timedelta

__all__ = ["TEMPLATES", "page"]

TEMPLATES: list[str] = [
    "detik_like",
    "kompas_like",
    "tribun_like",
    "cnn_like",
    "kumparan_like",
    "suara_amp_like",
    "antara_like",
    "okezone_sindo_like",
    "liputan6_like",
    "wp_regional_like",
]

# ---------------------------------------------------------------------------
# shared vocabulary
# ---------------------------------------------------------------------------

DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
MONTHS = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]
MON_SHORT = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]

FIRST = [
    "Rizky",
    "Dwi",
    "Ahmad",
    "Siti",
    "Muhammad",
    "Nur",
    "Putri",
    "Andi",
    "Yogi",
    "Fadhil",
    "Ayu",
    "Dimas",
    "Indra",
    "Rahmat",
    "Novia",
    "Bagus",
    "Wahyu",
    "Fitri",
    "Hendra",
    "Reza",
    "Anisa",
    "Galih",
    "Yuliani",
    "Taufik",
    "Mega",
    "Arief",
    "Lukman",
    "Rina",
    "Sandi",
    "Tri",
]
LAST = [
    "Pratama",
    "Saputra",
    "Lestari",
    "Hidayat",
    "Nugroho",
    "Wibowo",
    "Rahmawati",
    "Santoso",
    "Permana",
    "Kusuma",
    "Siregar",
    "Nasution",
    "Harahap",
    "Purnomo",
    "Setiawan",
    "Anggraini",
    "Ramadhan",
    "Maulana",
    "Utami",
    "Sembiring",
    "Hakim",
    "Firmansyah",
    "Wardhani",
    "Syahputra",
    "Prasetyo",
    "Gunawan",
    "Manurung",
    "Suryadi",
]

INITIALS = [
    "nvc",
    "idh",
    "rdp",
    "fas",
    "knv",
    "aik",
    "dnu",
    "zap",
    "imk",
    "rfs",
    "hri",
    "ygs",
    "mei",
    "lir",
    "yld",
    "wnv",
    "gbr",
    "dhn",
    "ega",
    "bai",
    "taa",
    "azh",
    "fkh",
    "isa",
    "rul",
    "wis",
    "sfr",
]

CITIES = [
    "Jakarta",
    "Surabaya",
    "Bandung",
    "Semarang",
    "Medan",
    "Makassar",
    "Yogyakarta",
    "Denpasar",
    "Palembang",
    "Malang",
    "Balikpapan",
    "Pekanbaru",
    "Padang",
    "Pontianak",
    "Manado",
    "Solo",
    "Bogor",
    "Depok",
    "Tangerang",
    "Bekasi",
    "Mataram",
    "Kupang",
    "Jayapura",
]

TRENDING = [
    "#PilpresDamai",
    "#Pemilu2024",
    "#TimnasIndonesia",
    "#MudikLebaran",
    "#HargaBeras",
    "#BanjirJakarta",
    "#KabinetMerahPutih",
    "#PialaAFF",
    "#IKN",
    "#CuacaEkstrem",
    "#GempaHariIni",
    "#Ramadan",
    "#PPDB",
    "#KPK",
    "#LigaIndonesia",
    "#PajakKendaraan",
    "#BBMSubsidi",
    "#JudiOnline",
    "#HUTRI",
    "#LiburSekolah",
    "#UMR2025",
    "#CPNS",
]

TAGS = [
    "pemilu 2024",
    "KPK",
    "banjir",
    "harga beras",
    "Timnas Indonesia",
    "DPR",
    "Polri",
    "Kejaksaan Agung",
    "BMKG",
    "gempa",
    "mudik",
    "pendidikan",
    "kesehatan",
    "ekonomi",
    "inflasi",
    "Bank Indonesia",
    "Pemprov DKI",
    "pilkada",
    "kecelakaan",
    "cuaca",
    "korupsi",
    "kebakaran",
    "BPJS Kesehatan",
    "IKN Nusantara",
    "UMKM",
    "pariwisata",
    "sepak bola",
    "viral",
    "lalu lintas",
    "bansos",
    "APBN",
    "pajak",
]

CAPTIONS = [
    "Suasana lalu lintas di kawasan Jalan Jenderal Sudirman, Jakarta Pusat",
    "Petugas memeriksa kendaraan yang melintas di gerbang tol",
    "Warga mengantre untuk menerima bantuan sosial di kantor kelurahan",
    "Ilustrasi gedung DPR/MPR RI di Senayan",
    "Sejumlah pedagang melayani pembeli di pasar tradisional",
    "Tim SAR gabungan melakukan pencarian korban",
    "Ilustrasi garis polisi",
    "Pemain Timnas Indonesia merayakan gol",
    "Suasana sidang di ruang pengadilan",
    "Petugas kebersihan membersihkan sisa banjir di permukiman warga",
    "Kendaraan pemudik memadati jalur arteri",
    "Ilustrasi uang rupiah",
    "Siswa mengikuti kegiatan belajar di sekolah",
    "Pesawat lepas landas dari bandara",
]
PHOTOGRAPHERS = [
    "Fauzan",
    "Aditya Pradana Putra",
    "Galih Pradipta",
    "Hafidz Mubarak A",
    "M Risyal Hidayat",
    "Rivan Awal Lingga",
    "Sigid Kurniawan",
    "Asprilla Dwi Adha",
    "Muhammad Adimaja",
    "Dhemas Reviyanto",
    "Indrianto Eko Suwarso",
    "Yulius Satria",
]

FALLBACK_HEADLINES = [
    "Pemerintah Siapkan Skema Baru Penyaluran Subsidi Energi Tahun Depan",
    "Ribuan Warga Padati Alun-alun Saat Malam Puncak Festival Budaya",
    "Polisi Ungkap Jaringan Penipuan Daring Lintas Provinsi",
    "Harga Cabai Rawit Melonjak Jelang Hari Raya, Pedagang Mengeluh",
    "BMKG Peringatkan Potensi Hujan Lebat di Sejumlah Wilayah",
    "Timnas U-23 Gelar Pemusatan Latihan Jelang Laga Kualifikasi",
    "DPRD Minta Pemkot Percepat Perbaikan Jalan Rusak",
    "Kemenkes Imbau Masyarakat Waspadai Lonjakan Kasus DBD",
    "Jalur Mudik Selatan Mulai Dipadati Kendaraan Roda Dua",
    "Bank Indonesia Pertahankan Suku Bunga Acuan",
    "Kebakaran Hanguskan Puluhan Kios di Pasar Induk",
    "Menteri Tinjau Progres Pembangunan Bendungan di Jawa Tengah",
]

# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------


def _e(s):
    return _html.escape(s, quote=True)


def _pick(rng, seq):
    return seq[rng.randrange(len(seq))]


def _chance(rng, p):
    return rng.random() < p


def _person(rng):
    return f"{_pick(rng, FIRST)} {_pick(rng, LAST)}"


def _inits(rng):
    a = _pick(rng, INITIALS)
    b = _pick(rng, INITIALS)
    return f"({a}/{b})"


def _slug(s, maxlen=80):
    s = s.lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s[:maxlen].rstrip("-") or "artikel"


def _heads(rng, pool, k):
    pool = [h for h in (pool or []) if h and h.strip()] or FALLBACK_HEADLINES
    if len(pool) >= k:
        return rng.sample(pool, k)
    return [_pick(rng, pool) for _ in range(k)]


def _rand_dt(rng):
    start = datetime(2018, 1, 1)
    span = int((datetime(2025, 6, 28) - start).total_seconds() // 60)
    dt = start + timedelta(minutes=rng.randrange(span))
    if dt.hour < 5:
        dt = dt.replace(hour=dt.hour + 6)
    return dt


def _earlier(rng, dt, max_min=60 * 30):
    return dt - timedelta(minutes=rng.randint(5, max_min))


def _iso(dt):
    return dt.strftime("%Y-%m-%dT%H:%M:%S+07:00")


def _d_short(dt):  # Kamis, 19 Jun 2025 14:05 WIB
    return f"{DAYS[dt.weekday()]}, {dt.day:02d} {MON_SHORT[dt.month - 1]} {dt.year} {dt:%H:%M} WIB"


def _d_long(dt):  # Kamis, 19 Juni 2025 14:05 WIB
    return f"{DAYS[dt.weekday()]}, {dt.day} {MONTHS[dt.month - 1]} {dt.year} {dt:%H:%M} WIB"


def _d_slash(dt):  # 19/06/2025, 14:05 WIB
    return f"{dt:%d/%m/%Y}, {dt:%H:%M} WIB"


def _d_l6(dt):  # 19 Jun 2025, 14:05 WIB
    return f"{dt.day:02d} {MON_SHORT[dt.month - 1]} {dt.year}, {dt:%H:%M} WIB"


def _d_date(dt):  # 19 Juni 2025
    return f"{dt.day} {MONTHS[dt.month - 1]} {dt.year}"


def _ago(rng):
    return _pick(
        rng,
        [
            f"{rng.randint(2, 59)} menit yang lalu",
            f"{rng.randint(1, 23)} jam yang lalu",
            f"{rng.randint(1, 6)} hari yang lalu",
        ],
    )


def _dots(x):
    return f"{x:,}".replace(",", ".")


def _count(rng):
    r = rng.random()
    if r < 0.4:
        return str(rng.randint(0, 999))
    if r < 0.8:
        return f"{rng.randint(1, 9)}.{rng.randint(0, 9)}K"
    return f"{rng.randint(1, 99)} rb"


def _copy_year(rng, dt):
    return min(2025, dt.year + rng.randint(0, 1))


def _desc(text, n=155):
    text = " ".join(text.split())
    if len(text) <= n:
        return text
    cut = text[:n].rsplit(" ", 1)[0]
    return cut + "..."


def _gold(paras, dateline=""):
    out = list(paras)
    out[0] = dateline + out[0]
    return "\n\n".join(out)


def _pos(rng, n, lo, hi):
    """Index i of the paragraph that furniture follows (0 <= i <= n-2)."""
    if n < 2:
        return None
    hi = max(0, min(hi, n - 2))
    lo = max(0, min(lo, hi))
    return rng.randint(lo, hi)


def _spread(rng, n, bi, prev):
    """Position for the bi-th "Baca juga" block: first after paragraph 2-4,
    later ones at least two paragraphs further down (when the article allows)."""
    if bi == 0 or not prev:
        p = _pos(rng, n, 1, 3)
    else:
        lo = prev[-1] + 2
        p = _pos(rng, n, lo, lo + 2) if lo <= n - 2 else _pos(rng, n, 1, n - 2)
    prev.append(p)
    return p


def _add(after, i, frag):
    if i is not None:
        after.setdefault(i, []).append(frag)


def _weave(rendered, after, sep="\n"):
    out = []
    for i, r in enumerate(rendered):
        out.append(r)
        out.extend(after.get(i, []))
    return sep.join(out)


def _hash(rng, k=6):
    chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    return "".join(chars[rng.randrange(len(chars))] for _ in range(k))


def _caption(rng):
    return _pick(rng, CAPTIONS)


def _quote_from(rng, paras):
    """A sentence from the article, for a pull quote (None if nothing fits)."""
    cands = []
    for p in paras:
        for s in re.split(r"(?<=[.!?])\s+", p):
            s = s.strip()
            if 40 <= len(s) <= 220 and s != p.strip():  # never a whole paragraph
                cands.append(s)
    return _pick(rng, cands) if cands else None


def _tags(rng, title, k_lo=3, k_hi=6):
    k = rng.randint(k_lo, k_hi)
    tags = rng.sample(TAGS, k)
    words = [w.strip(",.:;'\"()") for w in title.split()]
    caps = [w for w in words if len(w) > 3 and w[:1].isupper()]
    if caps and _chance(rng, 0.6):
        tags.insert(0, _pick(rng, caps).lower())
    return tags


def _jsonld(d):
    s = json.dumps(d, ensure_ascii=False, indent=None)
    s = s.replace("</", "<\\/")
    return f'<script type="application/ld+json">{s}</script>'


def _news_ld(
    title, url, img, dt, mod, author, publisher, logo, section, desc, keywords, typ="NewsArticle"
):
    return {
        "@context": "https://schema.org",
        "@type": typ,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "headline": title,
        "image": {"@type": "ImageObject", "url": img, "width": 1200, "height": 675},
        "datePublished": _iso(dt),
        "dateModified": _iso(mod),
        "author": {"@type": "Person", "name": author},
        "publisher": {
            "@type": "Organization",
            "name": publisher,
            "logo": {"@type": "ImageObject", "url": logo},
        },
        "articleSection": section,
        "description": desc,
        "keywords": ", ".join(keywords),
    }


def _breadcrumb_ld(items):
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": i + 1, "name": n, "item": u}
            for i, (n, u) in enumerate(items)
        ],
    }


def _meta_block(title, site, url, img, desc, dt, mod, keywords, author, section, twitter):
    return "\n".join(
        [
            f'<meta name="description" content="{_e(desc)}">',
            f'<meta name="keywords" content="{_e(", ".join(keywords))}">',
            f'<meta name="author" content="{_e(author)}">',
            '<meta name="robots" content="index, follow, max-image-preview:large">',
            '<meta name="googlebot-news" content="index,follow">',
            f'<link rel="canonical" href="{_e(url)}">',
            '<meta property="og:type" content="article">',
            f'<meta property="og:site_name" content="{_e(site)}">',
            f'<meta property="og:title" content="{_e(title)}">',
            f'<meta property="og:description" content="{_e(desc)}">',
            f'<meta property="og:url" content="{_e(url)}">',
            f'<meta property="og:image" content="{_e(img)}">',
            '<meta property="og:image:width" content="1200">',
            '<meta property="og:image:height" content="675">',
            f'<meta property="article:published_time" content="{_iso(dt)}">',
            f'<meta property="article:modified_time" content="{_iso(mod)}">',
            f'<meta property="article:section" content="{_e(section)}">',
            '<meta name="twitter:card" content="summary_large_image">',
            f'<meta name="twitter:site" content="{_e(twitter)}">',
            f'<meta name="twitter:title" content="{_e(title)}">',
            f'<meta name="twitter:description" content="{_e(desc)}">',
            f'<meta name="twitter:image" content="{_e(img)}">',
        ]
    )


GTAG = """<script async src="https://www.googletagmanager.com/gtag/js?id=G-%s"></script>
<script>
window.dataLayer = window.dataLayer || [];
function gtag(){dataLayer.push(arguments);}
gtag('js', new Date());
gtag('config', 'G-%s');
</script>"""

GPT = """<script async src="https://securepubads.g.doubleclick.net/tag/js/gpt.js"></script>
<script>
window.googletag = window.googletag || {cmd: []};
googletag.cmd.push(function() {
  googletag.defineSlot('/%s/%s/desktop_leaderboard', [[728, 90], [970, 90]], 'div-gpt-ad-leaderboard').addService(googletag.pubads());
  googletag.defineSlot('/%s/%s/desktop_mr1', [300, 250], 'div-gpt-ad-mr1').addService(googletag.pubads());
  googletag.pubads().enableSingleRequest();
  googletag.pubads().collapseEmptyDivs();
  googletag.enableServices();
});
</script>"""


def _gtag(rng):
    gid = _hash(rng, 10).upper()
    return GTAG % (gid, gid)


def _gpt(rng, site):
    net = str(rng.randint(10000000, 99999999))
    return GPT % (net, site, net, site)


def _ad_slot(rng, label=True, cls="ads-slot", size=(300, 250)):
    sid = f"div-gpt-ad-{rng.randint(1000000000000, 9999999999999)}-{rng.randint(0, 9)}"
    lab = '<div class="ads-label">ADVERTISEMENT</div>' if label else ""
    return (
        f'<div class="{cls}">{lab}<div id="{sid}" style="min-width:{size[0]}px;min-height:{size[1]}px;">'
        f"<script>googletag.cmd.push(function(){{googletag.display('{sid}');}});</script>"
        f"</div></div>"
    )


def _menu(items, base, ul_cls="", li_cls="", a_cls=""):
    lis = []
    for it in items:
        href = f"{base}/{_slug(it)}"
        lc = f' class="{li_cls}"' if li_cls else ""
        ac = f' class="{a_cls}"' if a_cls else ""
        lis.append(f'<li{lc}><a{ac} href="{_e(href)}">{_e(it)}</a></li>')
    uc = f' class="{ul_cls}"' if ul_cls else ""
    return f"<ul{uc}>" + "".join(lis) + "</ul>"


def _url_for(base, h, rng, dt=None, style="plain"):
    s = _slug(h)
    if style == "detik":
        return f"{base}/berita/d-{rng.randint(3800000, 8000000)}/{s}"
    if style == "kompas":
        d = dt or datetime(2024, 1, 1)
        return f"{base}/read/{d:%Y/%m/%d}/{rng.randint(10000000, 23595900)}/{s}"
    if style == "tribun":
        d = dt or datetime(2024, 1, 1)
        return f"{base}/{d:%Y/%m/%d}/{s}"
    if style == "id":
        return f"{base}/{rng.randint(100000, 5999999)}/{s}"
    return f"{base}/{s}"


def _img(host, dt, s, rng, ext="jpg"):
    return f"https://{host}/{dt:%Y/%m/%d}/{s[:48]}-{rng.randint(100, 999)}.{ext}"


# ---------------------------------------------------------------------------
# 1. detik-like portal: <p> inside div.detail__body-text
# ---------------------------------------------------------------------------

DETIK_CSS = """body{margin:0;font-family:Helvetica,Arial,sans-serif;color:#222}
.container{max-width:1000px;margin:0 auto}.header__logo img{height:32px}
.navbar ul{list-style:none;display:flex;flex-wrap:wrap;margin:0;padding:0}
.navbar li a{padding:10px 8px;display:block;color:#fff;text-decoration:none}
.detail__title{font-size:28px;line-height:1.3}.detail__body-text p{font-size:16px;line-height:1.6}
.parallaxindetail{height:400px;position:relative;clip:rect(0,auto,auto,0)}
.lihatjg{border-left:3px solid #0068c2;padding:6px 10px}.ads-label{font-size:10px;color:#999;text-align:center}
"""


def _t_detik(rng, title, paras, heads):
    dt = _rand_dt(rng)
    mod = dt + timedelta(minutes=rng.randint(0, 180))
    chan, host, sect = _pick(
        rng,
        [
            ("detikNews", "news.detik.com", "berita"),
            ("detikNews", "news.detik.com", "berita"),
            ("detikFinance", "finance.detik.com", "berita-ekonomi-bisnis"),
            ("detikInet", "inet.detik.com", "cyberlife"),
            ("detikSport", "sport.detik.com", "sepakbola"),
            ("detikJatim", "www.detik.com/jatim", "berita"),
            ("detikHealth", "health.detik.com", "berita-detikhealth"),
        ],
    )
    if chan == "detikJatim":
        city = _pick(rng, ["Surabaya", "Surabaya", "Malang", "Sidoarjo", "Kediri"])
    else:
        city = _pick(
            rng, ["Jakarta"] * 6 + ["Bandung", "Semarang", "Medan", "Yogyakarta", "Makassar"]
        )
    base = f"https://{host}"
    aid = rng.randint(3800000, 8000000)
    s = _slug(title)
    url = f"{base}/{sect}/d-{aid}/{s}"
    img = f"https://akcdn.detik.net.id/community/media/visual/{dt:%Y/%m/%d}/{s[:40]}-{rng.randint(1, 9)}_169.jpeg?w=700&q=90"
    author = "Tim detikcom" if _chance(rng, 0.2) else f"{_person(rng)} - {chan}"
    dateline = f"{city} - "
    gold = _gold(paras, dateline)
    desc = _desc(dateline + paras[0])
    tags = _tags(rng, title)
    n = len(paras)

    rendered = [f"<p><strong>{_e(city)}</strong> - {_e(paras[0])}</p>"]
    rendered += [f"<p>{_e(p)}</p>" for p in paras[1:]]
    after = {}
    if _chance(rng, 0.8):
        _add(
            after,
            _pos(rng, n, 0, 1),
            '<div class="parallaxindetail scrollpage" data-ad="parallax">'
            '<div class="ads-label">ADVERTISEMENT</div>'
            '<div class="parallax-inner"><div id="div-gpt-ad-parallax1"></div></div>'
            '<div class="scroll-to-continue">SCROLL TO CONTINUE WITH CONTENT</div></div>',
        )
    if _chance(rng, 0.85):
        k = rng.randint(1, 2)
        lab = _pick(rng, ["Baca juga:", "Baca juga:", "Baca Juga:"])
        links = "".join(
            f'<div class="lihatjg"><strong>{lab}</strong> <a href="{_e(_url_for(base, h, rng, style="detik"))}" '
            f'dtr-evt="baca juga" dtr-sec="artikel">{_e(h)}</a></div>'
            for h in _heads(rng, heads, k)
        )
        _add(
            after,
            _pos(rng, n, 1, 3),
            f'<table class="linksisip"><tbody><tr><td>{links}</td></tr></tbody></table>',
        )
    vh = _heads(rng, heads, 1)[0]
    vid = rng.randint(200000, 299999)
    video_block = (
        f'<div class="sisip_video_ds"><p><strong>{_e(_pick(rng, ["Simak Video", "Lihat juga Video", "Simak juga Video"]))} '
        f"&quot;{_e(vh)}&quot;:</strong></p>"
        f'<div class="embed_video"><iframe src="https://20.detik.com/embed/{dt:%y%m%d}{vid}?smartautoplay=true" '
        f'width="100%" height="370" frameborder="0" allowfullscreen></iframe></div>'
        f'<div class="sisip_video_label">[Gambas:Video 20detik]</div></div>'
    )
    mid_video = n >= 4 and _chance(rng, 0.35)
    if mid_video:
        _add(after, _pos(rng, n, 2, n - 2), video_block)
    if n >= 5 and _chance(rng, 0.3):
        cap = _caption(rng)
        _add(
            after,
            _pos(rng, n, 3, n - 2),
            f'<div class="pic_artikel_sisip_caption"><img src="{_e(_img("akcdn.detik.net.id/community/media/visual", dt, s, rng))}" alt="{_e(cap)}">'
            f'<span class="pic_artikel_sisip_caption_text">{_e(cap)}. Foto: {_e(_person(rng))}/detikcom</span></div>',
        )
    tail = []
    if not mid_video and _chance(rng, 0.6):
        tail.append(video_block)
    elif _chance(rng, 0.3):
        tail.append(
            f"<p><strong>Lihat juga Video: {_e(_heads(rng, heads, 1)[0])}</strong></p>"
            f'<div class="embed_video"><iframe src="https://20.detik.com/embed/{dt:%y%m%d}{rng.randint(200000, 299999)}" width="100%" height="370"></iframe></div>'
        )
    tail.append(f"<p>{_e(_inits(rng))}</p>")
    body = _weave(rendered, after) + "\n" + "\n".join(tail)

    pager = ""
    if _chance(rng, 0.25):
        pages = rng.randint(2, 3)
        nums = "".join(
            f'<a href="{_e(url)}/{i}" class="detail__anchor-numb{" selected" if i == 1 else ""}">{i}</a>'
            for i in range(1, pages + 1)
        )
        pager = (
            f'<div class="detail__long-nav"><span class="detail__anchor-label">Halaman</span>{nums}'
            f'<a href="{_e(url)}/2" class="detail__anchor-next">Selanjutnya</a></div>'
        )

    trending = "".join(
        f'<a href="https://www.detik.com/tag/{_slug(t)}">{_e(t)}</a>'
        for t in rng.sample(TRENDING, 5)
    )
    menu_main = _menu(
        [
            "Berita",
            "News",
            "Edu",
            "Finance",
            "Hot",
            "Inet",
            "Sport",
            "Oto",
            "Travel",
            "Sepakbola",
            "Food",
            "Health",
            "Wolipop",
            "20Detik",
            "Foto",
            "detikX",
            "Properti",
            "Hikmah",
            "Pop",
            "Jatim",
            "Jateng",
            "Jabar",
            "Sumut",
            "Bali",
            "Sulsel",
        ],
        "https://www.detik.com",
        "nav",
        "nav__item",
        "nav__link",
    )
    menu_sub = _menu(
        [
            "Berita Utama",
            "Berita",
            "Daerah",
            "Jabodetabek",
            "Internasional",
            "Kolom",
            "Hoaks atau Bukan",
            "Pro Kontra",
            "Infografis",
            "Indeks",
        ],
        base,
        "nav-sub",
    )
    share = "".join(
        f'<a class="share__item share__item--{k}" href="#" data-share="{k}">{lab}</a>'
        for k, lab in [
            ("facebook", "Facebook"),
            ("twitter", "X"),
            ("whatsapp", "WhatsApp"),
            ("telegram", "Telegram"),
            ("copy", "Salin Link"),
        ]
    )
    rel = "".join(
        f'<article class="list-content__item"><div class="media"><a href="{_e(_url_for(base, h, rng, style="detik"))}" class="media__link">'
        f'<span class="ratiobox"><img src="{_e(_img("akcdn.detik.net.id/community/media/visual", dt, _slug(h), rng))}" alt="{_e(h)}"></span>'
        f'<h3 class="media__title">{_e(h)}</h3></a>'
        f'<div class="media__date"><span title="{_e(_d_short(_earlier(rng, dt)))}">{_e(_ago(rng))}</span></div></div></article>'
        for h in _heads(rng, heads, rng.randint(3, 5))
    )
    pop = "".join(
        f'<article class="list-content__item"><span class="list-content__number">#{i + 1}</span>'
        f'<a href="{_e(_url_for(base, h, rng, style="detik"))}" class="media__link"><h3 class="media__title">{_e(h)}</h3></a></article>'
        for i, h in enumerate(_heads(rng, heads, 5))
    )
    tagl = "".join(
        f'<a href="https://www.detik.com/tag/{_slug(t)}" class="nav__item">{_e(t)}</a>'
        for t in tags
    )
    crumbs = [(chan, base), (sect.replace("-", " ").title(), f"{base}/{sect}")]
    footer_links = "".join(
        f'<a href="https://www.detik.com/{_slug(x)}">{x}</a>'
        for x in [
            "Redaksi",
            "Pedoman Media Siber",
            "Karir",
            "Kotak Pos",
            "Info Iklan",
            "Privacy Policy",
            "Disclaimer",
        ]
    )
    yr = _copy_year(rng, dt)

    page_html = f"""<!DOCTYPE html>
<html lang="id-ID">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(title)}{_e(_pick(rng, ["", " - " + chan]))}</title>
{_meta_block(title, chan, url, img, desc, dt, mod, tags, author, sect, "@detikcom")}
<meta name="dtk:articleid" content="{aid}">
<meta name="dtk:publishdate" content="{dt:%Y/%m/%d %H:%M:%S}">
<meta name="dtk:author" content="{_e(author)}">
<link rel="amphtml" href="{_e(url)}/amp">
<style>{DETIK_CSS}</style>
{_gtag(rng)}
{_gpt(rng, "detikcom")}
{_jsonld(_news_ld(title, url, img, dt, mod, author, "detikcom", "https://cdn.detik.net.id/detik2/images/logo.png", sect, desc, tags))}
{_jsonld(_breadcrumb_ld(crumbs))}
</head>
<body>
<div id="div-gpt-ad-leaderboard" class="ad-top"></div>
<header class="header">
 <div class="container header__row">
  <div class="header__logo"><a href="{base}"><img src="https://cdn.detik.net.id/detik2/images/logo-{_slug(chan)}.svg" alt="{_e(chan)}" title="{_e(chan)}"></a></div>
  <div class="header__search"><form action="https://www.detik.com/search/searchall" method="get"><input type="text" name="query" placeholder="Cari berita"><button type="submit">Cari</button></form></div>
  <div class="header__login"><a href="https://connect.detik.com/oauth/authorize" class="btn-login">Masuk</a> <a href="https://connect.detik.com/accounts/register" class="btn-register">Daftar</a></div>
 </div>
 <nav class="navbar"><div class="container">{menu_main}</div></nav>
 <nav class="nav-sub-wrap"><div class="container">{menu_sub}</div></nav>
</header>
<div class="container trending-tag"><span class="trending-tag__label">Trending</span>{trending}</div>
<div class="container">
<div class="grid-row">
<div class="column-8">
<article class="detail" id="detail">
 <div class="detail__header">
  <div class="page__breadcrumb"><a href="{base}">{_e(chan)}</a> <a href="{base}/{sect}">{_e(crumbs[1][0])}</a></div>
  <h1 class="detail__title">{_e(title)}</h1>
  <div class="detail__author">{_e(author)}</div>
  <div class="detail__date">{_e(_d_short(dt))}</div>
  <div class="detail__share"><div class="share-box"><span class="share__label">Bagikan</span>{share}</div>
   <a href="#komentar" class="detail__comment">{rng.randint(0, 300)} komentar</a></div>
 </div>
 <div class="detail__media">
  <figure class="detail__media-image"><img src="{_e(img)}" alt="{_e(title)}" title="{_e(title)}">
   <figcaption class="detail__media-caption">{_e(_caption(rng))}. {_e(_pick(rng, ["Foto: ANTARA/" + _pick(rng, PHOTOGRAPHERS), "Foto: " + _person(rng) + "/detikcom", "Foto: (Dok. Istimewa)", "Foto: Ilustrasi (iStock)"]))}</figcaption>
  </figure>
 </div>
 <div class="detail__body itp_bodycontent_wrapper">
  <div class="detail__body-text itp_bodycontent">
{body}
  </div>
  {pager}
  <div class="detail__body-tag mgt-16"><div class="nav"><span class="nav__label">Tag:</span>{tagl}</div></div>
 </div>
</article>
<div id="komentar" class="komentar-box"><h2 class="title">Komentar</h2><div class="komentar-box__login">Silakan <a href="https://connect.detik.com/oauth/authorize">masuk</a> untuk menulis komentar</div><textarea placeholder="Tulis komentar..." disabled></textarea></div>
<div class="box cb-mostpop"><h2 class="title">Berita Terkait</h2><div class="list-content">{rel}</div></div>
</div>
<div class="column-4 sidebar">
 <div class="ad-mr">{_ad_slot(rng)}</div>
 <div class="box cb-mostpop"><h2 class="title">Berita Terpopuler</h2><div class="list-content">{pop}</div></div>
</div>
</div>
</div>
<footer class="footer"><div class="container"><div class="footer__logo">detikcom</div><nav class="footer__nav">{footer_links}</nav>
<div class="footer__copy">Copyright &copy; {yr} detikcom. All rights reserved.</div></div></footer>
<script src="https://cdn.detik.net.id/assets/js/detik.main.min.js"></script>
<script>var dtmAnalytic = {{articleId:"{aid}", kanal:"{_e(chan)}", tipe:"artikel"}};</script>
</body>
</html>
"""
    return page_html, gold


# ---------------------------------------------------------------------------
# 2. kompas-like portal: <p> in div.read__content > div.clearfix
# ---------------------------------------------------------------------------

KOMPAS_CSS = """.read__title{font-size:30px;font-weight:700}.read__content p{margin:0 0 20px;font-size:18px}
.read__content strong a{color:#0052a5}.nav__wrap ul{display:flex;list-style:none}.most__list{counter-reset:most}
.ads-on-body{margin:20px auto;text-align:center}.kompasidRec{display:none}
"""


def _t_kompas(rng, title, paras, heads):
    dt = _rand_dt(rng)
    mod = dt + timedelta(minutes=rng.randint(0, 240))
    sub, host, crumb = _pick(
        rng,
        [
            ("nasional", "nasional.kompas.com", "Nasional"),
            ("megapolitan", "megapolitan.kompas.com", "Megapolitan"),
            ("regional", "regional.kompas.com", "Regional"),
            ("money", "money.kompas.com", "Money"),
            ("tekno", "tekno.kompas.com", "Tekno"),
            ("bola", "bola.kompas.com", "Bola"),
            ("tren", "www.kompas.com/tren", "Tren"),
        ],
    )
    base = f"https://{host}"
    s = _slug(title)
    aid = f"{dt:%H%M}{rng.randint(1000, 9999)}{rng.randint(1, 9)}"
    url = f"{base}/read/{dt:%Y/%m/%d}/{aid}/{s}"
    img = f"https://asset.kompas.com/crops/{_hash(rng, 28)}=/0x0:{rng.randint(700, 1200)}x{rng.randint(400, 700)}/750x500/data/photo/{dt:%Y/%m/%d}/{_hash(rng, 13).lower()}.jpg"
    city = (
        "JAKARTA"
        if sub in ("nasional", "megapolitan", "money", "tekno") and _chance(rng, 0.8)
        else _pick(rng, [c.upper() for c in CITIES])
    )
    dateline = f"{city}, KOMPAS.com - "
    gold = _gold(paras, dateline)
    desc = _desc(paras[0])
    penulis = _person(rng)
    editor = _person(rng)
    tags = _tags(rng, title)
    n = len(paras)

    rendered = [f"<p><strong>{_e(city)}, KOMPAS.com</strong> - {_e(paras[0])}</p>"]
    rendered += [f"<p>{_e(p)}</p>" for p in paras[1:]]
    after = {}
    lab = _pick(rng, ["Baca juga:", "Baca juga:", "Baca juga :"])
    # kompas places one or more single Baca juga lines through the text
    nbj = 1 if n < 5 else rng.randint(1, 3)
    used = set()
    for h in _heads(rng, heads, nbj):
        p = _pos(rng, n, 1, max(1, n - 2))
        if p in used and n > 3:
            p = _pos(rng, n, 1, max(1, n - 2))
        used.add(p)
        _add(
            after,
            p,
            f'<p><strong>{lab} <a href="{_e(_url_for(base, h, rng, dt, "kompas"))}" '
            f'class="inner-link-baca-juga" target="_self">{_e(h)}</a></strong></p>',
        )
    if _chance(rng, 0.7):
        _add(
            after,
            _pos(rng, n, 0, 2),
            f'<div class="ads-on-body" id="ads-on-body-1"><div class="ads-label">ADVERTISEMENT</div>'
            f"{_ad_slot(rng, label=False, cls='ads-wrap')}"
            f'<div class="ads-scroll">SCROLL TO CONTINUE WITH CONTENT</div></div>',
        )
    if n >= 4 and _chance(rng, 0.35):
        _add(
            after,
            _pos(rng, n, 2, n - 2),
            f'<div class="video-inline"><p><strong>{_e(_pick(rng, ["Simak Video:", "Tonton juga:", "Lihat juga video:"]))} {_e(_heads(rng, heads, 1)[0])}</strong></p>'
            f'<div class="kgnw-video"><iframe src="https://video.kompas.com/embed/{rng.randint(100000, 999999)}" width="640" height="360" allowfullscreen></iframe></div></div>',
        )
    tail = []
    if _chance(rng, 0.7):
        tail.append('<div class="kompasidRec" data-rec="bottom"></div>')
    body = _weave(rendered, after) + "\n" + "\n".join(tail)

    tele = _pick(
        rng,
        [
            'Dapatkan update berita pilihan dan breaking news setiap hari dari Kompas.com. Mari bergabung di Grup Telegram "Kompas.com News Update", caranya klik link {link}, lalu join. Pastikan aplikasi Telegram sudah terpasang di ponsel Anda.',
            "Simak breaking news dan berita pilihan kami langsung di ponselmu. Pilih saluran favoritmu untuk mengakses berita Kompas.com: WhatsApp Channel {link}. Pastikan kamu sudah memasang aplikasi WhatsApp ya.",
            "Dapatkan update berita pilihan dan breaking news setiap hari dari Kompas.com. Yuk gabung di Grup Telegram {link}, kemudian join. Anda perlu memasang aplikasi Telegram lebih dahulu di ponsel.",
        ],
    )
    tlink = _pick(
        rng,
        ["https://t.me/kompascomupdate", "https://whatsapp.com/channel/0029Va" + _hash(rng, 16)],
    )
    tele_html = _e(tele).replace(
        "{link}", f'<a href="{tlink}" target="_blank" rel="noopener">{tlink}</a>'
    )
    paging = ""
    if _chance(rng, 0.3):
        pages = rng.randint(2, 3)
        nums = "".join(
            f'<a class="paging__link{" paging__link--active" if i == 1 else ""}" href="{_e(url)}?page={i}">{i}</a>'
            for i in range(1, pages + 1)
        )
        paging = (
            f'<div class="read__paging"><div class="paging__wrap clearfix"><div class="paging__title">Halaman:</div>{nums}'
            f'<a class="paging__link paging__link--next" href="{_e(url)}?page=2">Selanjutnya</a>'
            f'<a class="paging__link paging__link--show" href="{_e(url)}?page=all">Tampilkan Semua</a></div></div>'
        )
    menu = _menu(
        [
            "News",
            "Nasional",
            "Regional",
            "Megapolitan",
            "Global",
            "Tren",
            "Cek Fakta",
            "Money",
            "Bola",
            "Tekno",
            "Sains",
            "Otomotif",
            "Lifestyle",
            "Health",
            "Properti",
            "Travel",
            "Food",
            "Edukasi",
            "Kolom",
            "Hype",
            "JEO",
            "Skola",
            "Stori",
            "Konsultasi Hukum",
            "Kompasiana",
        ],
        "https://www.kompas.com",
        "nav__wrap",
        "nav__item",
        "nav__link",
    )
    hot = "".join(
        f'<a class="hot__link" href="https://www.kompas.com/tag/{_slug(t)}">{_e(t)}</a>'
        for t in rng.sample(TRENDING, 4)
    )
    lj = "".join(
        f'<div class="article__list clearfix"><div class="article__asset"><a href="{_e(_url_for(base, h, rng, dt, "kompas"))}">'
        f'<img src="{_e(_img("asset.kompas.com/crops", dt, _slug(h), rng))}" alt="{_e(h)}"></a></div>'
        f'<div class="article__box"><h3 class="article__title article__title--medium"><a class="article__link" href="{_e(_url_for(base, h, rng, dt, "kompas"))}">{_e(h)}</a></h3>'
        f'<div class="article__date">{_e(_d_slash(_earlier(rng, dt)))}</div></div></div>'
        for h in _heads(rng, heads, rng.randint(3, 6))
    )
    most = "".join(
        f'<div class="most__item"><div class="most__count">{i + 1}</div><a class="most__link" href="{_e(_url_for(base, h, rng, dt, "kompas"))}">'
        f'<h4 class="most__title">{_e(h)}</h4></a><div class="most__read">Dibaca {_dots(rng.randint(1000, 99000))} kali</div></div>'
        for i, h in enumerate(_heads(rng, heads, 5))
    )
    pilihan = "".join(
        f'<li><a href="{_e(_url_for(base, h, rng, dt, "kompas"))}">{_e(h)}</a></li>'
        for h in _heads(rng, heads, 4)
    )
    tagl = "".join(
        f'<li class="tag__article__item"><a class="tag__article__link" href="https://www.kompas.com/tag/{_slug(t)}">{_e(t)}</a></li>'
        for t in tags
    )
    yr = _copy_year(rng, dt)
    source_line = ""
    if _chance(rng, 0.2):
        source_line = f'<div class="read__source">Sumber: {_e(_pick(rng, ["Kompas TV", "Antara", "Kompas.id", "KompasTV"]))}</div>'

    page_html = f"""<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="UTF-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{_e(title)}{_pick(rng, [" Halaman all", ""])} - Kompas.com</title>
{_meta_block(title, "KOMPAS.com", url, img, desc, dt, mod, tags, penulis, crumb, "@kompascom")}
<meta name="content_PublishedDate" content="{dt:%Y-%m-%d %H:%M:%S}">
<meta name="content_category" content="{_e(crumb)}">
<meta name="content_author" content="{_e(penulis)}">
<meta name="content_editor" content="{_e(editor)}">
<link rel="stylesheet" href="https://asset.kompas.com/data/2020/wp/css/kompascom.min.css?v={rng.randint(100, 999)}">
<style>{KOMPAS_CSS}</style>
{_gtag(rng)}
{_jsonld(_news_ld(title, url, img, dt, mod, penulis, "Kompas.com", "https://asset.kompas.com/data/2017/wp/images/logokompascom.png", crumb, desc, tags))}
<script>var _dataLayer = {{kg_site:"kompas.com", kg_section:"{_e(crumb)}", kg_id:"{aid}", kg_author:"{_e(penulis)}"}};</script>
</head>
<body class="read">
<div class="ads-top">{_ad_slot(rng, size=(970, 90))}</div>
<div class="header">
 <div class="container clearfix">
  <div class="logo"><a href="https://www.kompas.com"><img src="https://asset.kompas.com/data/2017/wp/images/logokompascom.png" alt="Kompas.com"></a></div>
  <div class="search"><form action="https://search.kompas.com/search" method="get"><input type="search" name="q" placeholder="Cari berita, topik, atau penulis"><button>Cari</button></form></div>
  <div class="sso"><a href="https://account.kompas.com/login" class="sso__login">Masuk</a> <a href="https://account.kompas.com/register" class="sso__register">Daftar</a></div>
 </div>
 <div class="nav"><div class="container">{menu}</div></div>
</div>
<div class="hot"><div class="container"><span class="hot__title">{_pick(rng, ["Hot Topik", "Topik Pilihan", "Trending"])}</span>{hot}</div></div>
<div class="container clearfix">
 <div class="breadcrumb"><ul class="breadcrumb__wrap"><li class="breadcrumb__item"><a class="breadcrumb__link" href="https://www.kompas.com">Home</a></li><li class="breadcrumb__item"><a class="breadcrumb__link" href="https://www.kompas.com/news">News</a></li><li class="breadcrumb__item"><a class="breadcrumb__link" href="{base}">{_e(crumb)}</a></li></ul></div>
 <div class="read__header"><h1 class="read__title">{_e(title)}</h1>
  <div class="read__info"><div class="read__info__author"><a href="https://www.kompas.com/penulis/{_slug(penulis)}">{_e(penulis)}</a></div>
  <div class="read__time">Kompas.com - {_e(_d_slash(dt))}</div>
  {"<div class='read__time__update'>Diperbarui " + _e(_d_slash(mod)) + "</div>" if mod > dt + timedelta(minutes=30) else ""}</div>
  <div class="social--share"><span>Bagikan:</span> <a class="social--facebook" href="#">Facebook</a> <a class="social--twitter" href="#">Twitter</a> <a class="social--whatsapp" href="#">WhatsApp</a> <a class="social--copy" href="#">Salin Link</a> <span class="social--count">{_count(rng)} share</span></div>
 </div>
 <div class="col-bs10-7">
  <div class="read__photo"><div class="photo"><img src="{_e(img)}" alt="{_e(title)}"></div>
   <div class="photo__caption">{_e(_caption(rng))}. ({_e(_pick(rng, ["KOMPAS.com/" + _person(rng).upper(), "ANTARA FOTO/" + _pick(rng, PHOTOGRAPHERS), "Dok. Istimewa", "SHUTTERSTOCK"]))})</div></div>
  <div class="read__article clearfix">
   <div class="read__content">
    <div class="clearfix">
{body}
    </div>
{paging}
    <div class="read__content__footer"><p><strong>{tele_html}</strong></p></div>
   </div>
   {source_line}
   <div class="read__credit clearfix"><div class="read__credit__item">Penulis : <a href="https://www.kompas.com/penulis/{_slug(penulis)}">{_e(penulis)}</a></div><div class="read__credit__item">Editor : <a href="#">{_e(editor)}</a></div></div>
   <div class="tag__article"><h3 class="tag__article__title">Tag</h3><ul class="tag__article__wrap">{tagl}</ul></div>
   <div class="google-news"><a href="https://news.google.com/publications/{_hash(rng, 20)}">{_e(_pick(rng, ["Simak berita dan artikel lainnya di Google News", "Ikuti Kompas.com di Google News"]))}</a></div>
  </div>
  <div class="lihat-juga"><h3 class="title">{_pick(rng, ["Berita Terkait", "Baca berita terkait"])}</h3>{lj}</div>
  <div class="komentar"><h3>Komentar</h3><p>{_pick(rng, ["Komentar tidak ditampilkan untuk artikel ini.", "Tulis komentar Anda di sini. Masuk terlebih dahulu."])}</p><textarea placeholder="Tulis komentar"></textarea></div>
 </div>
 <div class="col-bs10-3">
  <div class="most"><div class="title">Terpopuler</div><div class="most__wrap">{most}</div></div>
  <div class="pilihan"><div class="title">Pilihan Untukmu</div><ul>{pilihan}</ul></div>
  <div class="newsletter"><div class="title">Newsletter</div><p>Dapatkan informasi dan insight pilihan redaksi Kompas.com</p><form><input type="email" placeholder="Alamat email"><button>Daftarkan email</button></form></div>
 </div>
</div>
<div class="footer"><div class="container"><div class="footer__link"><a href="https://www.kompas.com/about-us">Tentang Kami</a><a href="https://www.kompas.com/redaksi">Redaksi</a><a href="https://www.kompas.com/info-iklan">Info Iklan</a><a href="https://www.kompas.com/karir">Karir</a><a href="https://www.kompas.com/kontak">Kontak Kami</a><a href="https://www.kompas.com/pedoman-media-siber">Pedoman Media Siber</a><a href="https://www.kompas.com/privacy-policy">Kebijakan Data Pribadi</a></div>
<div class="footer__copy">Copyright 2008 - {yr} PT. Kompas Cyber Media (Kompas Gramedia Digital Group). All Rights Reserved.</div></div></div>
<script src="https://asset.kompas.com/data/2020/wp/js/kompascom.min.js?v={rng.randint(100, 999)}"></script>
</body>
</html>
"""
    return page_html, gold


# ---------------------------------------------------------------------------
# 3. tribun-like regional network: <p> in div.side-article.txt-article
# ---------------------------------------------------------------------------

TRIBUN_BRANDS = [
    (
        "SURYA.co.id",
        "surabaya.tribunnews.com",
        "Surya",
        ["SURABAYA", "SURABAYA", "MALANG", "SIDOARJO", "GRESIK"],
        "Surabaya",
    ),
    (
        "TRIBUNJATENG.COM",
        "jateng.tribunnews.com",
        "Tribunjateng.com",
        ["SEMARANG", "SEMARANG", "KUDUS", "SOLO"],
        "Semarang",
    ),
    (
        "TRIBUN-MEDAN.com",
        "medan.tribunnews.com",
        "Tribun-medan.com",
        ["MEDAN", "MEDAN", "BINJAI", "DELI SERDANG"],
        "Medan",
    ),
    (
        "TRIBUNJAKARTA.COM",
        "jakarta.tribunnews.com",
        "TribunJakarta.com",
        ["JAKARTA", "BEKASI", "DEPOK", "TANGERANG"],
        "Metropolitan",
    ),
    (
        "TRIBUN-BALI.COM",
        "bali.tribunnews.com",
        "Tribun-Bali.com",
        ["DENPASAR", "BADUNG", "GIANYAR"],
        "Bali",
    ),
    ("TRIBUNNEWS.COM", "www.tribunnews.com", "Tribunnews.com", ["JAKARTA"], "Nasional"),
    (
        "BANJARMASINPOST.CO.ID",
        "banjarmasin.tribunnews.com",
        "Banjarmasinpost.co.id",
        ["BANJARMASIN", "MARTAPURA", "BANJARBARU"],
        "Banjarmasin",
    ),
]

TRIBUN_CSS = """#arttitle{font-size:28px;line-height:34px}.txt-article p{font-size:17px;line-height:28px;margin-bottom:16px}
.network-bar a{font-size:11px;color:#fff;margin-right:8px}.ads-content{clear:both;text-align:center;margin:10px 0}
.baca{padding:8px 0}.populer li{counter-increment:pop}"""


def _t_tribun(rng, title, paras, heads):
    dt = _rand_dt(rng)
    mod = dt + timedelta(minutes=rng.randint(0, 120))
    brand, host, short, cities, section = _pick(rng, TRIBUN_BRANDS)
    base = f"https://{host}"
    s = _slug(title)
    url = f"{base}/{dt:%Y/%m/%d}/{s}"
    img = f"https://cdn-2.tstatic.net/{host.split('.')[0]}/foto/bank/images/{s[:40]}.jpg"
    city = _pick(rng, cities)
    dateline = f"{brand}, {city} - "
    gold = _gold(paras, dateline)
    desc = _desc(dateline + paras[0])
    pen = _person(rng)
    ed = _person(rng)
    tags = _tags(rng, title)
    n = len(paras)

    rendered = [f"<p><strong>{_e(brand)}, {_e(city)}</strong> - {_e(paras[0])}</p>"]
    rendered += [f"<p>{_e(p)}</p>" for p in paras[1:]]
    after = {}
    # tribun: often a stack of 1-3 "Baca juga:" paragraphs, sometimes twice
    nblocks = 1 if n < 5 else rng.randint(1, 2)
    after_prev = []
    for bi in range(nblocks):
        lab = _pick(rng, ["Baca juga:", "Baca juga:", "BACA JUGA:", "Baca Juga :"])
        k = rng.randint(1, 3)
        blk = "\n".join(
            f'<p class="baca"><strong>{lab} <a href="{_e(_url_for(base, h, rng, dt, "tribun"))}">{_e(h)}</a></strong></p>'
            for h in _heads(rng, heads, k)
        )
        _add(after, _spread(rng, n, bi, after_prev), blk)
    for j in range(rng.randint(1, 2)):
        _add(
            after,
            _pos(rng, n, 0, n - 2),
            f'<div class="ads-content"><div id="div-Inside-MediumRectangle{"" if j == 0 else "2"}">'
            f"<script>googletag.cmd.push(function() {{ googletag.display('div-Inside-MediumRectangle'); }});</script></div></div>",
        )
    if n >= 4 and _chance(rng, 0.3):
        cap = _caption(rng)
        _add(
            after,
            _pos(rng, n, 2, n - 2),
            f'<div class="pb10"><img src="{_e(_img("cdn-2.tstatic.net", dt, s, rng))}" width="640" alt="{_e(cap)}">'
            f'<div class="arial f12 grey2 pt5">{_e(cap)}. ({_e(brand)}/{_e(_person(rng))})</div></div>',
        )
    tail = []
    if _chance(rng, 0.35):
        others = [b for b in TRIBUN_BRANDS if b[0] != brand]
        ob = _pick(rng, others)
        ourl = f"https://{ob[1]}/{dt:%Y/%m/%d}/{s}"
        tail.append(
            f'<p>Artikel ini telah tayang di <a href="https://{ob[1]}">{_e(ob[2])}</a> dengan judul '
            f'<a href="{_e(ourl)}">{_e(title)}</a>, {_e(ourl)}.</p>'
        )
        tail.append(f"<p>Penulis: {_e(_person(rng))} | Editor: {_e(_person(rng))}</p>")
    elif _chance(rng, 0.4):
        tail.append(
            f"<p>{_e(_pick(rng, ['(*)', '(*)', '(' + short + '/' + _person(rng).split()[0] + ')']))}</p>"
        )
    if _chance(rng, 0.6):
        tail.append(
            f"<p><strong>{_e(_pick(rng, ['Simak berita dan artikel lainnya di Google News', 'Ikuti saluran ' + short + ' di WhatsApp Channel', 'Berita ' + short + ' lainnya di Google News']))}</strong></p>"
        )
    body = _weave(rendered, after) + "\n" + "\n".join(tail)

    paging = ""
    if _chance(rng, 0.3):
        paging = (
            f'<div id="paginga" class="paging"><span class="pg-label">Halaman</span>'
            f'<a class="current" href="{_e(url)}">1</a><a href="{_e(url)}?page=2">2</a><a href="{_e(url)}?page=3">3</a>'
            f'<a class="next" href="{_e(url)}?page=2">Selanjutnya</a></div>'
        )

    network = "".join(f'<a href="https://{b[1]}">{_e(b[2])}</a>' for b in TRIBUN_BRANDS)
    menu = _menu(
        [
            "Home",
            section,
            "Regional",
            "Nasional",
            "Seleb",
            "Sport",
            "Bisnis",
            "Lifestyle",
            "Travel",
            "Kesehatan",
            "Techno",
            "Otomotif",
            "Video",
            "Pendidikan",
            "Viral",
            "Topik",
            "Tribunners",
            "Index",
        ],
        base,
        "menu",
        "menu-item",
    )
    trend = "".join(f'<a href="{base}/tag/{_slug(t)}">{_e(t)}</a>' for t in rng.sample(TRENDING, 5))
    tagl = "".join(
        f'<h5 class="tagcloud3"><a href="{base}/tag/{_slug(t)}">{_e(t)}</a></h5>' for t in tags
    )
    terkait = "".join(
        f'<li class="p1520 art-list pos_rel"><a class="fr mt5 pos_rel" href="{_e(_url_for(base, h, rng, dt, "tribun"))}"><img src="{_e(_img("cdn-2.tstatic.net", dt, _slug(h), rng))}" width="120" height="90"></a>'
        f'<div class="mr140"><h3 class="f18"><a href="{_e(_url_for(base, h, rng, dt, "tribun"))}">{_e(h)}</a></h3><time class="grey">{_e(_d_long(_earlier(rng, dt)))}</time></div></li>'
        for h in _heads(rng, heads, rng.randint(3, 5))
    )
    populer = "".join(
        f'<li><span class="num">{i + 1}</span><h4><a href="{_e(_url_for(base, h, rng, dt, "tribun"))}">{_e(h)}</a></h4></li>'
        for i, h in enumerate(_heads(rng, heads, 6))
    )
    terkini = "".join(
        f'<li><h4><a href="{_e(_url_for(base, h, rng, dt, "tribun"))}">{_e(h)}</a></h4><time>{_e(_ago(rng))}</time></li>'
        for h in _heads(rng, heads, 4)
    )
    yr = _copy_year(rng, dt)
    share = "".join(
        f'<a class="sharebtn {k}" href="#">{k.title()}</a>'
        for k in ["facebook", "twitter", "whatsapp", "telegram", "line"]
    )

    page_html = f"""<!DOCTYPE html>
<html lang="id">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{_e(title)} - {_e(short)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
{_meta_block(title, short, url, img, desc, dt, mod, tags, pen, section, "@tribunnews")}
<meta name="content_PublishedDate" content="{dt:%Y-%m-%d %H:%M:%S}">
<link rel="amphtml" href="{base}/amp/{dt:%Y/%m/%d}/{s}">
<style>{TRIBUN_CSS}</style>
{_gtag(rng)}
{_gpt(rng, "tribunnews")}
{_jsonld(_news_ld(title, url, img, dt, mod, pen, short, "https://cdn-2.tstatic.net/tribunnews/img/logo.png", section, desc, tags))}
<script>var keywordBrandSafety = "{_e(",".join(tags))}";</script>
</head>
<body>
<div class="network-bar"><span>TRIBUNNETWORK</span> {network}</div>
<div id="header" class="main">
 <div class="logo"><a href="{base}"><img src="https://cdn-2.tstatic.net/{host.split(".")[0]}/img/logo.png" alt="{_e(brand)}"></a></div>
 <div class="search"><form action="{base}/search" method="get"><input type="text" name="q" placeholder="Cari di {_e(short)}"></form></div>
 <div class="userlogin"><a href="https://account.tribunnews.com/login">Masuk</a> | <a href="https://account.tribunnews.com/register">Daftar</a></div>
 <div id="menu">{menu}</div>
</div>
<div class="trending"><b>{_pick(rng, ["Trending:", "Topik Populer:", "Hot Topic:"])}</b> {trend}</div>
<div class="ads-content ads-billboard">{_ad_slot(rng, size=(970, 250))}</div>
<div class="main">
<div class="fl w677">
<div class="breadcrumb"><ol itemscope itemtype="https://schema.org/BreadcrumbList"><li><a href="{base}">Home</a></li> &raquo; <li><a href="{base}/{_slug(section)}">{_e(section)}</a></li></ol></div>
<h1 id="arttitle">{_e(title)}</h1>
<div class="mb10 f12 grey"><div id="penulis">Penulis: <a href="{base}/penulis/{_slug(pen)}">{_e(pen)}</a> | Editor: <a href="{base}/editor/{_slug(ed)}">{_e(ed)}</a></div>
<time class="grey">{_e(_d_long(dt))}</time></div>
<div class="share-box">{share}<span class="share-count">{_count(rng)}</span></div>
<div class="ovh imgfull_div"><img src="{_e(img)}" alt="{_e(title)}" class="imgfull" width="640">
<div class="arial f12 grey2 pt5">{_e(_caption(rng))}. {_e(_pick(rng, ["(" + brand + "/" + _person(rng) + ")", "(Dok. Istimewa)", "(TRIBUNNEWS/" + _person(rng).upper() + ")", "Foto: ANTARA/" + _pick(rng, PHOTOGRAPHERS)]))}</div></div>
<div class="side-article txt-article multi-fontsize">
{body}
</div>
{paging}
<div class="mb20 tagcloud"><span class="f14 fbo">Tags:</span>{tagl}</div>
<div class="komentar"><h3>Komentar</h3><div class="fb-comments" data-href="{_e(url)}" data-width="640" data-numposts="5"></div><p class="grey f12">Tulis komentar Anda dan beri penilaian atas berita ini.</p></div>
<div class="terkait"><h3 class="title">Berita Terkait</h3><ul>{terkait}</ul></div>
</div>
<div class="fr w300 side">
 {_ad_slot(rng)}
 <div class="populer"><h3 class="title">Berita Populer</h3><ol>{populer}</ol></div>
 <div class="terkini"><h3 class="title">Berita Terkini</h3><ul>{terkini}</ul></div>
</div>
</div>
<div id="footer"><div class="main"><a href="{base}/redaksi">Redaksi</a> | <a href="{base}/about">Tentang Kami</a> | <a href="{base}/kontak">Kontak</a> | <a href="{base}/pedoman-media-siber">Pedoman Media Siber</a> | <a href="{base}/karir">Karir</a> | <a href="{base}/kebijakan-privasi">Kebijakan Privasi</a> | <a href="{base}/info-iklan">Info Iklan</a>
<p>&copy; {yr} TRIBUNnews.com Network, a subsidiary of KG Media. All rights reserved.</p></div></div>
<script src="https://cdn-2.tstatic.net/js/tribun.min.js?v={rng.randint(1000, 9999)}"></script>
</body>
</html>
"""
    return page_html, gold


# ---------------------------------------------------------------------------
# 4. CNN Indonesia-like (older layout): text separated by <br><br> in one div
# ---------------------------------------------------------------------------

CNN_CSS = """.title{font-size:26px;color:#000}.detail_text{font-size:15px;line-height:1.7}
.linksisip{margin:10px 0;width:100%}.lihatjg{border-top:1px solid #ddd;padding:8px 0}
.paradetail{text-align:center;color:#999;font-size:10px}"""


def _t_cnn(rng, title, paras, heads):
    dt = _rand_dt(rng)
    mod = dt + timedelta(minutes=rng.randint(0, 90))
    sect, sub = _pick(
        rng,
        [
            ("nasional", "Politik"),
            ("nasional", "Hukum"),
            ("ekonomi", "Bisnis"),
            ("internasional", "Asia"),
            ("olahraga", "Sepak Bola"),
            ("teknologi", "Teknologi"),
            ("gaya-hidup", "Kesehatan"),
        ],
    )
    base = "https://www.cnnindonesia.com"
    s = _slug(title)
    aid = f"{dt:%Y%m%d%H%M%S}-{rng.randint(10, 200)}-{rng.randint(100000, 999999)}"
    url = f"{base}/{sect}/{aid}/{s}"
    img = f"https://akcdn.detik.net.id/visual/{dt:%Y/%m/%d}/{s[:30]}_169.jpeg?w=650"
    city = _pick(rng, ["Jakarta"] * 7 + ["Surabaya", "Bandung", "Medan", "Makassar"])
    dateline = f"{city}, CNN Indonesia -- "
    gold = _gold(paras, dateline)
    desc = _desc(paras[0])
    tags = _tags(rng, title)
    n = len(paras)

    pieces = [f"<strong>{_e(city)}, CNN Indonesia</strong> -- {_e(paras[0])}"]
    pieces += [_e(p) for p in paras[1:]]
    after = {}
    if _chance(rng, 0.75):
        _add(
            after,
            _pos(rng, n, 0, 1),
            '<div class="paradetail"><div class="ads-label">ADVERTISEMENT</div><div id="div-gpt-ad-parallax-detail"></div>'
            '<div class="ads-scroll">SCROLL TO CONTINUE WITH CONTENT</div></div>',
        )
    if _chance(rng, 0.8):
        k = rng.randint(1, 2)
        lab = _pick(rng, ["Lihat juga:", "Baca juga:", "Lihat Juga :"])
        links = "".join(
            f'<div class="lihatjg"><strong>{lab}</strong><a href="{_e(base + "/" + sect + "/" + _slug(h))}">{_e(h)}</a></div>'
            for h in _heads(rng, heads, k)
        )
        _add(
            after, _pos(rng, n, 1, 3), f'<table class="linksisip"><tr><td>{links}</td></tr></table>'
        )
    if n >= 4 and _chance(rng, 0.45):
        _add(
            after,
            _pos(rng, n, 2, n - 2),
            f'<div class="sisip_embed_sosmed"><strong>{_e(_pick(rng, ["Saksikan video di bawah ini:", "Lihat juga video:", "Simak Video"]))} {_e(_heads(rng, heads, 1)[0])}</strong>'
            f'<div class="video_embed"><iframe src="https://www.cnnindonesia.com/embed/video/{rng.randint(100000, 999999)}" width="560" height="315" frameborder="0" allowfullscreen></iframe></div></div>',
        )
    # br-separated text: paragraphs and inline furniture in one flow
    flow = []
    for i, p in enumerate(pieces):
        flow.append(p)
        if i < n - 1 or after.get(i):
            flow.append("<br><br>")
        for f in after.get(i, []):
            flow.append(f)
    closer = (
        "("
        + _pick(rng, INITIALS)
        + "/"
        + _pick(rng, ["end", "end", "end", "wis", "sur", "DAL", _pick(rng, INITIALS)])
        + ")"
    )
    tail = f"<br><br><strong>{_e(closer)}</strong>"
    text = "".join(flow) + tail
    paging = ""
    if _chance(rng, 0.3):
        paging = (
            f'<div class="pagination-detail"><a class="active" href="{_e(url)}">1</a><a href="{_e(url)}/2">2</a>'
            f'<a class="next" href="{_e(url)}/2">Selanjutnya</a><div class="lanjut">BACA HALAMAN BERIKUTNYA</div></div>'
        )

    menu = _menu(
        [
            "Nasional",
            "Internasional",
            "Ekonomi",
            "Olahraga",
            "Teknologi",
            "Hiburan",
            "Gaya Hidup",
            "Otomotif",
            "CNN Indonesia TV",
            "Video",
            "Foto",
            "Infografis",
            "Kolom",
            "Edukasi",
            "Tanah Air",
            "CNN Indonesia Research",
            "Indeks",
        ],
        base,
    )
    trend = "".join(f'<a href="{base}/tag/{_slug(t)}">{_e(t)}</a>' for t in rng.sample(TRENDING, 5))
    tagl = "".join(f'<a href="{base}/tag/{_slug(t)}" class="btn btn-tag">{_e(t)}</a>' for t in tags)
    rel = "".join(
        f'<article><a href="{_e(base + "/" + sect + "/" + _slug(h))}"><span class="ratiobox"><img src="{_e(_img("akcdn.detik.net.id/visual", dt, _slug(h), rng))}"></span>'
        f'<span class="box_text"><h2>{_e(h)}</h2><span class="date">{_e(_ago(rng))}</span></span></a></article>'
        for h in _heads(rng, heads, rng.randint(3, 5))
    )
    pop = "".join(
        f'<li><span class="nomor">{i + 1}</span><a href="{_e(base + "/" + sect + "/" + _slug(h))}">{_e(h)}</a></li>'
        for i, h in enumerate(_heads(rng, heads, 5))
    )
    yr = _copy_year(rng, dt)

    page_html = f"""<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<title>{_e(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
{_meta_block(title, "CNN Indonesia", url, img, desc, dt, mod, tags, "CNN Indonesia", sect, "@CNNIndonesia")}
<meta name="publishdate" content="{dt:%Y/%m/%d %H:%M:%S}">
<meta name="articleid" content="{aid}">
<style>{CNN_CSS}</style>
{_gtag(rng)}
{_gpt(rng, "cnnindonesia")}
{_jsonld(_news_ld(title, url, img, dt, mod, "CNN Indonesia", "CNN Indonesia", base + "/images/logo_cnn.png", sect, desc, tags))}
</head>
<body>
<div class="top_banner">{_ad_slot(rng, size=(970, 90))}</div>
<header id="header">
 <div class="container">
  <a class="logo" href="{base}"><img src="{base}/images/logo_cnn.svg" alt="CNN Indonesia"></a>
  <div class="box_search"><form action="{base}/search/" method="get"><input type="text" name="query" placeholder="Cari"><button>Cari</button></form></div>
  <div class="box_login"><a href="https://connect.detik.com/oauth/authorize?clientId=cnn">Masuk</a> <a href="https://connect.detik.com/accounts/register?clientId=cnn">Daftar</a></div>
  <nav class="nav">{menu}</nav>
 </div>
</header>
<div class="container trending_tag"><span>{_pick(rng, ["Trending", "Topik Populer", "Terpopuler:"])}</span>{trend}</div>
<div class="container">
<div class="l_content">
 <div class="breadcrumb"><a href="{base}">Home</a> &gt; <a href="{base}/{sect}">{_e(sect.replace("-", " ").title())}</a> &gt; <a href="{base}/{sect}/{_slug(sub)}">{_e(sub)}</a></div>
 <div class="content_detail">
  <h1 class="title">{_e(title)}</h1>
  <div class="author">{_e(_pick(rng, ["CNN Indonesia", "CNN Indonesia", _person(rng) + ", CNN Indonesia"]))}</div>
  <div class="date">{_e(DAYS[dt.weekday()])}, {dt:%d/%m/%Y %H:%M} WIB</div>
  <div class="share_top"><span>Bagikan:</span><a class="fb" href="#">Facebook</a><a class="tw" href="#">Twitter</a><a class="wa" href="#">WhatsApp</a><a class="cp" href="#">Salin URL</a></div>
  <div class="media_artikel"><img src="{_e(img)}" alt="{_e(title)}"><div class="caption">{_e(_caption(rng))}. ({_e(_pick(rng, ["ANTARA FOTO/" + _pick(rng, PHOTOGRAPHERS), "CNN Indonesia/" + _person(rng), "REUTERS/" + _person(rng), "Dok. Istimewa"]))})</div></div>
  <div class="detail_wrap">
   <div class="detail_text" id="detail-text-cnn">
{text}
   </div>
  </div>
  {paging}
  <div class="detail_tag"><span>TOPIK TERKAIT</span>{tagl}</div>
  <div class="share_bottom"><span>Bagikan:</span><a class="fb" href="#">Facebook</a><a class="tw" href="#">Twitter</a><a class="wa" href="#">WhatsApp</a></div>
  <div class="komentar"><h3>{_pick(rng, ["Komentar", "Berikan Komentar"])}</h3><div class="komentar-login">Silakan masuk untuk menulis komentar.</div></div>
 </div>
 <div class="box berita_terkait"><div class="title">{_pick(rng, ["Berita Terkait", "Baca Berikutnya", "Artikel Terkait"])}</div><div class="list">{rel}</div></div>
</div>
<div class="r_content">
 {_ad_slot(rng)}
 <div class="box terpopuler"><div class="title">Terpopuler</div><ul>{pop}</ul></div>
</div>
</div>
<footer><div class="container"><a href="{base}/redaksi">Redaksi</a> <a href="{base}/pedoman-media-siber">Pedoman Media Siber</a> <a href="{base}/karir">Karir</a> <a href="{base}/kontak">Kontak</a> <a href="{base}/info-iklan">Info Iklan</a> <a href="{base}/privacy-policy">Privacy Policy</a>
<div class="copyright">Copyright &copy; {yr} CNN Indonesia. All rights reserved.</div></div></footer>
<script src="{base}/js/main.min.js?v={rng.randint(100, 999)}"></script>
</body>
</html>
"""
    return page_html, gold


# ---------------------------------------------------------------------------
# 5. kumparan-like platform: React markup, one <div> per paragraph, no <p>
# ---------------------------------------------------------------------------


def _t_kumparan(rng, title, paras, heads):
    dt = _rand_dt(rng)
    mod = dt + timedelta(minutes=rng.randint(0, 60))
    chan = _pick(
        rng,
        [
            "kumparanNEWS",
            "kumparanBISNIS",
            "kumparanBOLA",
            "kumparanTECH",
            "kumparanOTO",
            "kumparanHITS",
            "kumparanWOMAN",
            "kumparanFOOD",
            "kumparanTRAVEL",
        ],
    )
    base = "https://kumparan.com"
    s = _slug(title)
    sid = _hash(rng, 22)
    url = f"{base}/{chan.lower()}/{s}-{sid}"
    img = f"https://blue.kumparan.com/image/upload/fl_progressive,fl_lossy,c_fill,q_auto:best,w_640/v1{rng.randint(100000000, 999999999)}/{s[:30]}_{_hash(rng, 8).lower()}.jpg"
    gold = _gold(paras)
    desc = _desc(paras[0])
    tags = _tags(rng, title)
    n = len(paras)
    # generated styled-component classes
    V = f"Viewweb__StyledView-sc-{_hash(rng, 7).lower()}-0"
    T = f"Textweb__StyledText-sc-{_hash(rng, 6).lower()}-0"
    vx = [_hash(rng, 6) for _ in range(6)]
    tx = [_hash(rng, 6) for _ in range(4)]

    def view(extra, inner, qa=None):
        q = f' data-qa-id="{qa}"' if qa else ""
        return f'<div class="{V} {extra}"{q}>{inner}</div>'

    def text(extra, inner, qa=None, tag="span"):
        q = f' data-qa-id="{qa}"' if qa else ""
        return f'<{tag} class="{T} {extra}"{q}>{inner}</{tag}>'

    rendered = [
        view(vx[0], text(tx[0], _e(p), "story-paragraph"), "story-paragraph-wrapper") for p in paras
    ]
    after = {}
    # "ADVERTISEMENT" labels between paragraphs are very frequent on kumparan
    for i in range(n - 1):
        if i % 2 == 1 or (i == 0 and _chance(rng, 0.6)):
            _add(
                after,
                i,
                view(
                    vx[1],
                    text(tx[1], "ADVERTISEMENT", "ads-label")
                    + f'<div id="div-gpt-ad-kumparan-inarticle-{i}" style="min-height:250px"></div>',
                    "ads-wrapper",
                ),
            )
    if n >= 3 and _chance(rng, 0.5):
        cap = _caption(rng)
        src = _pick(
            rng,
            [
                "Foto: " + _person(rng) + "/kumparan",
                "Foto: Dok. Istimewa",
                "Foto: ANTARA FOTO/" + _pick(rng, PHOTOGRAPHERS),
                "Foto: Shutterstock",
            ],
        )
        _add(
            after,
            _pos(rng, n, 1, n - 2),
            view(
                vx[2],
                f'<img src="{_e(img)}" alt="{_e(cap)}" loading="lazy">'
                + view(vx[3], text(tx[2], _e(cap)) + text(tx[3], _e(src))),
                "story-image",
            ),
        )
    if n >= 4 and _chance(rng, 0.4):
        _add(
            after,
            _pos(rng, n, 2, n - 2),
            f'<blockquote class="twitter-tweet" data-lang="id"><p lang="in" dir="ltr">{_e(_heads(rng, heads, 1)[0])} '
            f'<a href="https://t.co/{_hash(rng, 10)}">pic.twitter.com/{_hash(rng, 10)}</a></p>&mdash; {_e(_person(rng))} (@{_slug(_person(rng)).replace("-", "")}) '
            f'<a href="https://twitter.com/x/status/{rng.randint(10**17, 10**18)}">{_d_date(dt)}</a></blockquote>',
        )
    if _chance(rng, 0.4):
        h = _heads(rng, heads, 1)[0]
        _add(
            after,
            _pos(rng, n, 1, 3),
            view(
                vx[4],
                text(tx[0], "Baca juga: ", None, "b")
                + f'<a href="{_e(base + "/" + chan.lower() + "/" + _slug(h) + "-" + _hash(rng, 22))}">{_e(h)}</a>',
                "baca-juga",
            ),
        )
    body = _weave(rendered, after)

    author = _person(rng)
    ch_items = "".join(
        f'<a class="{V} {vx[5]}" href="{base}/channel/{c.lower()}">{c}</a>'
        for c in [
            "kumparanNEWS",
            "kumparanBISNIS",
            "kumparanBOLA",
            "kumparanTECH",
            "kumparanOTO",
            "kumparanHITS",
            "kumparanWOMAN",
            "kumparanMOM",
            "kumparanFOOD",
            "kumparanTRAVEL",
            "kumparanSAINS",
            "kumparan+",
            "Pilkada",
            "Ramadan",
            "Video",
            "Info Kesehatan",
        ]
    )
    trend = "".join(
        f'<a href="{base}/topic/{_slug(t)}">{_e(t)}</a>' for t in rng.sample(TRENDING, 4)
    )
    topik = "".join(
        f'<a href="{base}/topic/{_slug(t)}" class="{V} {vx[5]}">{_e(t)}</a>' for t in tags
    )
    rel = "".join(
        view(
            vx[1],
            f'<a href="{_e(base + "/" + chan.lower() + "/" + _slug(h) + "-" + _hash(rng, 22))}">'
            + text(tx[1], _e(h), "title", "span")
            + "</a>"
            + text(
                tx[2], _e(_d_date(_earlier(rng, dt))) + " · " + str(rng.randint(1, 8)) + " menit"
            ),
            "related-story",
        )
        for h in _heads(rng, heads, rng.randint(3, 6))
    )
    trending = "".join(
        view(
            vx[2],
            text(tx[3], f"#{i + 1}")
            + f'<a href="{_e(base + "/" + chan.lower() + "/" + _slug(h))}">{_e(h)}</a>',
            "trending-item",
        )
        for i, h in enumerate(_heads(rng, heads, 5))
    )
    yr = _copy_year(rng, dt)
    read_min = max(1, sum(len(p.split()) for p in paras) // 200)
    nd = json.dumps(
        {
            "props": {
                "pageProps": {
                    "story": {
                        "id": sid,
                        "title": title,
                        "channel": chan,
                        "publishedAt": _iso(dt),
                        "slug": s,
                    }
                }
            },
            "page": "/[channel]/[slug]",
            "buildId": _hash(rng, 21),
        },
        ensure_ascii=False,
    ).replace("</", "<\\/")

    page_html = f"""<!DOCTYPE html>
<html lang="id"><head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1,shrink-to-fit=no">
<title>{_e(title)} | kumparan.com</title>
{_meta_block(title, "kumparan", url, img, desc, dt, mod, tags, author, chan, "@kumparan")}
<link rel="preconnect" href="https://blue.kumparan.com">
<style data-styled="active" data-styled-version="5.3.5">.{V}{{display:flex;flex-direction:column}}.{vx[0]}{{margin-bottom:16px}}.{T}{{font-family:Lato,sans-serif;color:#333}}.{tx[0]}{{font-size:18px;line-height:28px}}.{tx[1]}{{font-size:10px;color:#999;text-align:center}}</style>
{_gtag(rng)}
{_jsonld(_news_ld(title, url, img, dt, mod, author, "kumparan", "https://kumparan.com/logo.png", chan, desc, tags))}
</head>
<body><div id="__next">
<div class="{V} {vx[5]}" data-qa-id="header">
 <a href="{base}" data-qa-id="logo"><img src="https://kumparan.com/static/kumparan-logo.svg" alt="kumparan"></a>
 <div class="{V}" data-qa-id="search-box"><input type="text" placeholder="Cari di kumparan"></div>
 <div class="{V}" data-qa-id="header-action"><a href="{base}/login">Masuk</a><a href="{base}/register">Daftar</a><a href="{base}/create-story">Tulis Story</a></div>
</div>
<div class="{V} {vx[4]}" data-qa-id="channel-nav">{ch_items}</div>
<div class="{V} {vx[4]}" data-qa-id="trending-bar">{text(tx[1], "Trending")}{trend}</div>
<div class="{V} {vx[3]}" data-qa-id="story-page">
 <div class="{V}" data-qa-id="breadcrumb"><a href="{base}">Home</a> / <a href="{base}/channel/{chan.lower()}">{chan}</a></div>
 {text(tx[0], _e(title), "story-title", "h1")}
 <div class="{V} {vx[2]}" data-qa-id="author-info">
  <a href="{base}/{chan.lower()}"><img src="https://blue.kumparan.com/avatar/{chan.lower()}.png" alt="{chan}"></a>
  {text(tx[1], chan + " <span>Terverifikasi</span>", "author-name")}
  {text(tx[2], _e(_d_date(dt) + " " + dt.strftime("%H:%M") + " WIB"), "publish-time")}
  {text(tx[2], "·waktu baca " + str(read_min) + " menit", "read-time")}
  <button data-qa-id="follow-button">Ikuti</button>
 </div>
 <div class="{V} {vx[2]}" data-qa-id="cover-image"><img src="{_e(img)}" alt="{_e(title)}">
  {text(tx[2], _e(_caption(rng)) + ". " + _e(_pick(rng, ["Foto: " + _person(rng) + "/kumparan", "Foto: Dok. Istimewa", "Foto: ANTARA/" + _pick(rng, PHOTOGRAPHERS)])), "image-caption")}</div>
 <div class="{V} {vx[1]}" data-qa-id="story-content">
{body}
 </div>
 <div class="{V}" data-qa-id="story-topics">{text(tx[1], "Topik:")}{topik}</div>
 <div class="{V}" data-qa-id="reaction-bar"><button>Suka <span>{_count(rng)}</span></button><button>Komentar <span>{rng.randint(0, 99)}</span></button><button>Bagikan</button><button>Salin Link</button></div>
 <div class="{V}" data-qa-id="comment-section">{text(tx[0], "Komentar", None, "h2")}<div class="{V}"><textarea placeholder="Tulis komentar..."></textarea><button>Kirim</button></div>{text(tx[2], "Jadilah yang pertama berkomentar.")}</div>
 <div class="{V}" data-qa-id="related-stories">{text(tx[0], _pick(rng, ["Konten Terkait", "Berita Terkait", "Baca Lainnya"]), None, "h2")}{rel}</div>
 <div class="{V}" data-qa-id="trending-stories">{text(tx[0], _pick(rng, ["Sedang Trending", "Terpopuler"]), None, "h2")}{trending}</div>
</div>
<div class="{V}" data-qa-id="footer"><a href="{base}/tentang-kami">Tentang Kami</a><a href="{base}/redaksi">Redaksi</a><a href="{base}/pedoman-media-siber">Pedoman Media Siber</a><a href="{base}/karir">Karir</a><a href="{base}/kontak">Kontak</a><a href="{base}/syarat-ketentuan">Ketentuan Layanan</a>
{text(tx[2], "Copyright &copy; " + str(yr) + " PT Dynamo Media Network. All rights reserved.")}</div>
</div>
<script id="__NEXT_DATA__" type="application/json">{nd}</script>
<script src="https://kumparan.com/_next/static/chunks/main-{_hash(rng, 16).lower()}.js" async></script>
</body></html>
"""
    return page_html, gold


# ---------------------------------------------------------------------------
# 6. suara.com-like AMP page: <p> in div.detail--content, amp-* furniture
# ---------------------------------------------------------------------------

AMP_BOILER = (
    "<style amp-boilerplate>body{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal both;"
    "animation:-amp-start 8s steps(1,end) 0s 1 normal both}@keyframes -amp-start{from{visibility:hidden}"
    "to{visibility:visible}}</style><noscript><style amp-boilerplate>body{-webkit-animation:none;"
    "animation:none}</style></noscript>"
)
SUARA_CSS = """body{font-family:Roboto,Arial,sans-serif;margin:0}header.hdr{background:#e4002b;display:flex;height:50px}
.detail--content p{font-size:17px;line-height:1.7}.baca-juga{border-left:4px solid #e4002b;padding:6px 12px;margin:12px 0}
.baca-juga ul{margin:0;padding-left:16px}.ads-amp{text-align:center;margin:12px 0}.ads-amp span{font-size:10px;color:#999}
amp-sidebar{width:260px;background:#fff}.pagination a{padding:4px 10px;border:1px solid #ddd}"""


def _t_suara(rng, title, paras, heads):
    dt = _rand_dt(rng)
    mod = dt + timedelta(minutes=rng.randint(0, 100))
    sect = _pick(
        rng, ["news", "bisnis", "bola", "lifestyle", "entertainment", "otomotif", "tekno", "health"]
    )
    base = "https://www.suara.com"
    s = _slug(title)
    url = f"{base}/{sect}/{dt:%Y/%m/%d}/{dt:%H%M%S}/{s}"
    amp_url = f"{base}/amp/{sect}/{dt:%Y/%m/%d}/{dt:%H%M%S}/{s}"
    img = f"https://media.suara.com/pictures/653x366/{dt:%Y/%m/%d}/{rng.randint(10000, 99999)}-{s[:30]}.jpg"
    dateline = "Suara.com - "
    gold = _gold(paras, dateline)
    desc = _desc(dateline + paras[0])
    rep = _person(rng)
    ed = _person(rng)
    tags = _tags(rng, title)
    n = len(paras)

    rendered = [f"<p><strong>Suara.com</strong> - {_e(paras[0])}</p>"]
    rendered += [f"<p>{_e(p)}</p>" for p in paras[1:]]
    after = {}
    nbj = 1 if n < 5 else 2
    after_prev = []
    for bi in range(nbj):
        k = rng.randint(1, 3)
        items = "".join(
            f'<li><a href="{_e(base + "/" + sect + "/" + _slug(h))}">{_e(h)}</a></li>'
            for h in _heads(rng, heads, k)
        )
        _add(
            after,
            _spread(rng, n, bi, after_prev),
            f'<div class="baca-juga"><span class="baca-juga__title">{_pick(rng, ["Baca Juga:", "Baca Juga:", "BACA JUGA:"])}</span><ul>{items}</ul></div>',
        )
    if _chance(rng, 0.8):
        _add(
            after,
            _pos(rng, n, 0, 2),
            f'<div class="ads-amp"><span>ADVERTISEMENT</span><amp-ad width="300" height="250" type="doubleclick" '
            f'data-slot="/{rng.randint(100000, 999999)}/suara_amp/{sect}_mr1" data-multi-size-validation="false"></amp-ad>'
            f"<span>SCROLL TO CONTINUE WITH CONTENT</span></div>",
        )
    if n >= 4 and _chance(rng, 0.35):
        _add(
            after,
            _pos(rng, n, 2, n - 2),
            f'<div class="video-embed"><p><strong>{_e(_pick(rng, ["Simak Video:", "Lihat juga video:", "Video Pilihan:"]))} {_e(_heads(rng, heads, 1)[0])}</strong></p>'
            f'<amp-youtube data-videoid="{_hash(rng, 11)}" layout="responsive" width="480" height="270"></amp-youtube></div>',
        )
    tail = []
    if _chance(rng, 0.35):
        tail.append(f"<p>{_pick(rng, ['Kontributor : ', 'Kontributor: '])}{_e(_person(rng))}</p>")
    body = _weave(rendered, after) + ("\n" + "\n".join(tail) if tail else "")
    paging = ""
    if _chance(rng, 0.3):
        paging = (
            f'<div class="pagination"><span>Halaman</span><a class="active" href="{_e(amp_url)}">1</a>'
            f'<a href="{_e(amp_url)}?page=2">2</a><a href="{_e(amp_url)}?page=2">Selanjutnya</a></div>'
        )

    side_menu = _menu(
        [
            "News",
            "Bisnis",
            "Bola",
            "Sport",
            "Lifestyle",
            "Entertainment",
            "Otomotif",
            "Tekno",
            "Health",
            "Mahasiswa",
            "Wawancara",
            "Video",
            "Foto",
            "Cek Fakta",
            "Suara Jakarta",
            "Suara Jabar",
            "Suara Jogja",
            "Suara Jatim",
            "Suara Sumut",
            "Suara Bali",
            "Indeks",
        ],
        base,
        "sidebar-menu",
    )
    tagl = "".join(f'<a href="{base}/tag/{_slug(t)}">#{_e(t)}</a>' for t in tags)
    rel = "".join(
        f'<li><a href="{_e(base + "/" + sect + "/" + _slug(h))}"><amp-img src="{_e(_img("media.suara.com/pictures/120x80", dt, _slug(h), rng))}" width="120" height="80" layout="fixed"></amp-img>'
        f'<h3>{_e(h)}</h3></a><span class="date">{_e(_d_long(_earlier(rng, dt)))}</span></li>'
        for h in _heads(rng, heads, rng.randint(3, 5))
    )
    terkini = "".join(
        f'<li><a href="{_e(base + "/" + sect + "/" + _slug(h))}">{_e(h)}</a><span>{_e(_ago(rng))}</span></li>'
        for h in _heads(rng, heads, 5)
    )
    yr = _copy_year(rng, dt)
    amp_attr = _pick(rng, ["\u26a1", "amp"])
    ld = _news_ld(
        title,
        url,
        img,
        dt,
        mod,
        rep,
        "Suara.com",
        "https://www.suara.com/assets/logo.png",
        sect,
        desc,
        tags,
    )

    page_html = f"""<!doctype html>
<html {amp_attr} lang="id">
<head>
<meta charset="utf-8">
<script async src="https://cdn.ampproject.org/v0.js"></script>
<script async custom-element="amp-ad" src="https://cdn.ampproject.org/v0/amp-ad-0.1.js"></script>
<script async custom-element="amp-sidebar" src="https://cdn.ampproject.org/v0/amp-sidebar-0.1.js"></script>
<script async custom-element="amp-social-share" src="https://cdn.ampproject.org/v0/amp-social-share-0.1.js"></script>
<script async custom-element="amp-analytics" src="https://cdn.ampproject.org/v0/amp-analytics-0.1.js"></script>
<script async custom-element="amp-youtube" src="https://cdn.ampproject.org/v0/amp-youtube-0.1.js"></script>
<title>{_e(title)}</title>
<link rel="canonical" href="{_e(url)}">
<meta name="viewport" content="width=device-width,minimum-scale=1,initial-scale=1">
<meta name="description" content="{_e(desc)}">
<meta property="og:title" content="{_e(title)}">
<meta property="og:url" content="{_e(url)}">
<meta property="og:image" content="{_e(img)}">
<meta property="og:site_name" content="Suara.com">
{AMP_BOILER}
<style amp-custom>{SUARA_CSS}</style>
{_jsonld(ld)}
</head>
<body>
<amp-analytics type="gtag" data-credentials="include"><script type="application/json">{{"vars":{{"gtag_id":"G-{_hash(rng, 10).upper()}","config":{{"G-{_hash(rng, 10).upper()}":{{"groups":"default"}}}}}}}}</script></amp-analytics>
<amp-sidebar id="sidebar" layout="nodisplay" side="left">
 <button on="tap:sidebar.close" class="close">&times;</button>
 <form method="GET" action="{base}/search" target="_top"><input type="search" name="q" placeholder="Cari berita..."></form>
 {side_menu}
 <div class="sidebar-login"><a href="{base}/login">Masuk</a> / <a href="{base}/register">Daftar</a></div>
</amp-sidebar>
<header class="hdr"><button on="tap:sidebar.toggle" class="menu-btn" aria-label="menu">&#9776;</button>
<a href="{base}" class="logo"><amp-img src="{base}/assets/logo-white.png" width="120" height="30" alt="Suara.com"></amp-img></a></header>
<div class="trending-amp"><span>Trending</span> {" ".join('<a href="' + base + "/tag/" + _slug(t) + '">' + _e(t) + "</a>" for t in rng.sample(TRENDING, 3))}</div>
<div class="ads-amp"><amp-ad width="320" height="100" type="doubleclick" data-slot="/{rng.randint(100000, 999999)}/suara_amp/top"></amp-ad></div>
<div class="breadcrumb"><a href="{base}">Home</a> &gt; <a href="{base}/{sect}">{_e(sect.title())}</a></div>
<article class="detail">
<h1 class="detail--title">{_e(title)}</h1>
<div class="writer"><span>{_e(rep)}</span> | <span>{_e(ed)}</span></div>
<div class="date">Suara.com - {_e(_d_long(dt).replace(" " + dt.strftime("%H:%M"), " | " + dt.strftime("%H:%M")))}</div>
<div class="share"><amp-social-share type="facebook" width="32" height="32" data-param-app_id="{rng.randint(10**14, 10**15)}"></amp-social-share><amp-social-share type="twitter" width="32" height="32"></amp-social-share><amp-social-share type="whatsapp" width="32" height="32"></amp-social-share><amp-social-share type="line" width="32" height="32"></amp-social-share></div>
<figure class="detail--image"><amp-img src="{_e(img)}" width="653" height="366" layout="responsive" alt="{_e(title)}"></amp-img>
<figcaption>{_e(_caption(rng))}. {_e(_pick(rng, ["[Suara.com/" + _person(rng) + "]", "[ANTARA/" + _pick(rng, PHOTOGRAPHERS) + "]", "[Dok. Istimewa]", "[Shutterstock]"]))}</figcaption></figure>
<div class="detail--content">
{body}
</div>
{paging}
<div class="tag"><span>Tag</span> {tagl}</div>
</article>
<div class="ads-amp"><amp-ad width="300" height="250" type="doubleclick" data-slot="/{rng.randint(100000, 999999)}/suara_amp/bottom"></amp-ad></div>
<section class="terkait"><h2>Berita Terkait</h2><ul>{rel}</ul></section>
<section class="terkini"><h2>{_pick(rng, ["Terkini", "Berita Terkini", "Terpopuler"])}</h2><ul>{terkini}</ul></section>
<footer class="footer"><div><a href="{base}/pages/tentang-kami">Tentang Kami</a> | <a href="{base}/pages/redaksi">Redaksi</a> | <a href="{base}/pages/kontak">Kontak</a> | <a href="{base}/pages/pedoman-media-siber">Pedoman Media Siber</a> | <a href="{base}/pages/karir">Karir</a> | <a href="{base}/pages/kebijakan-privasi">Kebijakan Privasi</a></div>
<p>&copy; {yr} suara.com - All Rights Reserved.</p></footer>
</body>
</html>
"""
    return page_html, gold


# ---------------------------------------------------------------------------
# 7. antaranews-like wire: body text separated by <br><br> in one div
# ---------------------------------------------------------------------------

ANTARA_CSS = """.wrap__article-detail-title h1{font-size:28px}.post-content{font-size:16px;line-height:1.75}
.baca-juga{display:block;font-weight:600}.text-muted{color:#6c757d}.adsbygoogle{display:block}"""


def _t_antara(rng, title, paras, heads):
    dt = _rand_dt(rng)
    mod = dt + timedelta(minutes=rng.randint(0, 60))
    sect = _pick(
        rng, ["politik", "hukum", "ekonomi", "metro", "humaniora", "olahraga", "dunia", "nusantara"]
    )
    base = "https://www.antaranews.com"
    s = _slug(title)
    aid = rng.randint(700000, 4900000)
    url = f"{base}/berita/{aid}/{s}"
    img = f"https://img.antaranews.com/cache/800x533/{dt:%Y/%m/%d}/{_hash(rng, 12)}.jpg"
    city = _pick(rng, ["Jakarta"] * 6 + CITIES[1:])
    dateline = f"{city} (ANTARA) - "
    gold = _gold(paras, dateline)
    desc = _desc(paras[0])
    pew = _person(rng)
    ed = _person(rng)
    tags = _tags(rng, title)
    n = len(paras)

    pieces = [_e(dateline + paras[0])] + [_e(p) for p in paras[1:]]
    after = {}
    nbj = 1 if n < 4 else rng.randint(1, 2)
    after_prev = []
    for bi in range(nbj):
        k = rng.randint(1, 2)
        lines = "<br>".join(
            f'<span class="baca-juga"><b>Baca juga:</b> <a href="{_e(base + "/berita/" + str(rng.randint(700000, 4900000)) + "/" + _slug(h))}">{_e(h)}</a></span>'
            for h in _heads(rng, heads, k)
        )
        _add(after, _spread(rng, n, bi, after_prev), lines)
    if _chance(rng, 0.6):
        _add(
            after,
            _pos(rng, n, 0, n - 2),
            f'<div class="ads_antara_detail"><ins class="adsbygoogle" data-ad-client="ca-pub-{rng.randint(10**15, 10**16)}" '
            f'data-ad-slot="{rng.randint(10**9, 10**10)}" data-ad-format="auto"></ins><script>(adsbygoogle = window.adsbygoogle || []).push({{}});</script></div>',
        )
    flow = []
    for i, p in enumerate(pieces):
        flow.append(p)
        fs = after.get(i, [])
        if i < n - 1:
            flow.append("<br><br>")
        for f in fs:
            if f.startswith("<div"):
                flow.append(f)
            else:
                flow.append(f + "<br><br>")
    text = "".join(flow)
    closing = ""
    if _chance(rng, 0.45):
        closing = "<br><br>" + "<br>".join(
            f'<span class="baca-juga"><b>Baca juga:</b> <a href="{_e(base + "/berita/" + str(rng.randint(700000, 4900000)) + "/" + _slug(h))}">{_e(h)}</a></span>'
            for h in _heads(rng, heads, rng.randint(1, 3))
        )
    credit = (
        f'<p class="text-muted mt-2 small">Pewarta: {_e(pew)}<br>Editor: {_e(ed)}<br>'
        f"COPYRIGHT &copy; ANTARA {min(2025, dt.year + rng.randint(0, 1))}</p>"
    )
    video = ""
    if _chance(rng, 0.3):
        video = (
            f'<div class="video-terkait"><h4>{_pick(rng, ["Video terkait", "Simak video terkait", "Lihat juga video"])}</h4>'
            f'<iframe src="https://www.antaranews.com/embed/video/{rng.randint(10000, 99999)}" width="100%" height="360"></iframe></div>'
        )
    menu = _menu(
        [
            "Terkini",
            "Top News",
            "Politik",
            "Hukum",
            "Ekonomi",
            "Metro",
            "Sepak Bola",
            "Olahraga",
            "Humaniora",
            "Lifestyle",
            "Hiburan",
            "Dunia",
            "Infografik",
            "Video",
            "Foto",
            "Kolom",
            "Nusantara",
            "English",
            "Indeks",
        ],
        base,
        "navbar-nav",
        "nav-item",
        "nav-link",
    )
    region = "".join(
        f'<a href="https://{r.lower()}.antaranews.com">ANTARA {r}</a>'
        for r in [
            "Aceh",
            "Sumut",
            "Sumbar",
            "Riau",
            "Jambi",
            "Lampung",
            "Megapolitan",
            "Jabar",
            "Jateng",
            "Yogya",
            "Jatim",
            "Bali",
            "Kalbar",
            "Sulsel",
            "Papua",
        ]
    )
    tagl = "".join(
        f'<li class="list-inline-item"><a href="{base}/tag/{_slug(t)}">{_e(t)}</a></li>'
        for t in tags
    )
    rel = "".join(
        f'<article class="card__post card__post-list"><div class="image-sm"><a href="{_e(base + "/berita/" + str(rng.randint(700000, 4900000)) + "/" + _slug(h))}"><img src="{_e(_img("img.antaranews.com/cache/180x120", dt, _slug(h), rng))}"></a></div>'
        f'<div class="card__post__content"><h3><a href="{_e(base + "/berita/" + _slug(h))}">{_e(h)}</a></h3><span class="text-secondary">{_e(_d_long(_earlier(rng, dt)))}</span></div></article>'
        for h in _heads(rng, heads, rng.randint(3, 5))
    )
    pop = "".join(
        f'<li><span class="number">{i + 1}</span><a href="{_e(base + "/berita/" + _slug(h))}">{_e(h)}</a><small>{_e(_ago(rng))}</small></li>'
        for i, h in enumerate(_heads(rng, heads, 5))
    )
    yr = _copy_year(rng, dt)

    page_html = f"""<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, shrink-to-fit=no">
<title>{_e(title)} - ANTARA News</title>
{_meta_block(title, "Antara News", url, img, desc, dt, mod, tags, pew, sect, "@antaranews")}
<link rel="stylesheet" href="https://www.antaranews.com/assets/css/style.min.css?v={rng.randint(100, 999)}">
<style>{ANTARA_CSS}</style>
{_gtag(rng)}
<script async src="https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js"></script>
{_jsonld(_news_ld(title, url, img, dt, mod, pew, "Antara News", base + "/img/antaranews.png", sect, desc, tags))}
</head>
<body>
<header class="bg-light">
 <div class="topbar"><div class="container"><span class="topbar-date">{_e(DAYS[dt.weekday()])}, {_e(_d_date(dt))}</span><div class="topbar-region">{region}</div><div class="topbar-login"><a href="{base}/login">Masuk</a></div></div></div>
 <div class="container"><a class="navbar-brand" href="{base}"><img src="{base}/img/antaranews.png" alt="ANTARA News"></a>
 <form class="search" action="{base}/search" method="get"><input type="text" name="q" placeholder="Cari berita"><button type="submit">Cari</button></form></div>
 <nav class="navbar navbar-expand-lg"><div class="container">{menu}</div></nav>
</header>
<div class="container"><div class="trending-topics"><span>{_pick(rng, ["Topik Terkini", "Trending", "Topik Hangat"])}</span> {" ".join('<a href="' + base + "/tag/" + _slug(t) + '">' + _e(t) + "</a>" for t in rng.sample(TRENDING, 4))}</div></div>
<section class="pb-80"><div class="container"><div class="row"><div class="col-md-8">
<ul class="breadcrumbs bg-light mb-4"><li class="breadcrumbs__item"><a href="{base}" class="breadcrumbs__url">Beranda</a></li><li class="breadcrumbs__item"><a href="{base}/berita" class="breadcrumbs__url">Berita</a></li><li class="breadcrumbs__item breadcrumbs__item--current"><a href="{base}/{sect}">{_e(sect.title())}</a></li></ul>
<div class="wrap__article-detail">
 <div class="wrap__article-detail-title"><h1>{_e(title)}</h1></div>
 <hr>
 <div class="wrap__article-detail-info"><ul class="list-inline"><li class="list-inline-item"><span class="text-secondary font-weight-normal">{_e(_d_long(dt))}</span></li></ul></div>
 <div class="wrap__article-detail-image mt-4"><figure><img src="{_e(img)}" alt="{_e(title)}" class="img-fluid">
  <figcaption class="figure-caption text-secondary">{_e(_caption(rng))}. ANTARA FOTO/{_e(_pick(rng, PHOTOGRAPHERS))}/{_e(_pick(rng, ["foc", "aww", "nym", "YU", "rwa"]))}.</figcaption></figure></div>
 <div class="social-share"><span>Bagikan</span><a href="#" class="fb">Facebook</a><a href="#" class="tw">X</a><a href="#" class="wa">WhatsApp</a><a href="#" class="cp">Salin Tautan</a><span class="count">{_count(rng)}</span></div>
 <div class="wrap__article-detail-content post-content">
{text}{closing}
{credit}
 </div>
 {video}
 <div class="blog-tags"><ul class="list-inline"><li class="list-inline-item"><i class="fa fa-tags"></i> Tag:</li>{tagl}</ul></div>
 <div class="komentar"><h4 class="border_section">Komentar</h4><div id="disqus_thread"></div><script>var disqus_config = function () {{ this.page.url = "{_e(url)}"; this.page.identifier = "{aid}"; }};</script></div>
</div>
<div class="wrap__berita-terkait"><h4 class="border_section">Berita Terkait</h4>{rel}</div>
</div>
<div class="col-md-4"><aside class="wrapper__list__article">{_ad_slot(rng)}<h4 class="border_section">Terpopuler</h4><ol class="populer">{pop}</ol></aside></div>
</div></div></section>
<footer class="bg__footer"><div class="container"><ul class="list-inline"><li><a href="{base}/tentang-kami">Tentang Kami</a></li><li><a href="{base}/redaksi">Redaksi</a></li><li><a href="{base}/kode-etik">Kode Etik</a></li><li><a href="{base}/pedoman-media-siber">Pedoman Media Siber</a></li><li><a href="{base}/kebijakan-privasi">Kebijakan Privasi</a></li><li><a href="{base}/kontak">Kontak</a></li><li><a href="{base}/karir">Karir</a></li></ul>
<p>Copyright &copy; {yr} ANTARA News. All rights reserved.</p></div></footer>
<script src="{base}/assets/js/index.bundle.js?v={rng.randint(100, 999)}"></script>
</body>
</html>
"""
    return page_html, gold


# ---------------------------------------------------------------------------
# 8. okezone/sindonews-like portal: one bare <div> per paragraph, no <p>
# ---------------------------------------------------------------------------


def _t_okesindo(rng, title, paras, heads):
    dt = _rand_dt(rng)
    mod = dt + timedelta(minutes=rng.randint(0, 60))
    sindo = _chance(rng, 0.5)
    if sindo:
        site, base, host_img, twitter = (
            "SINDOnews",
            "https://nasional.sindonews.com",
            "pict.sindonews.net",
            "@SINDOnews",
        )
        menu_items = [
            "Nasional",
            "Metro",
            "Daerah",
            "Ekbis",
            "International",
            "Sports",
            "Edukasi",
            "Tekno",
            "Otomotif",
            "Lifestyle",
            "Kalam",
            "Sains",
            "Infografis",
            "Video",
            "Photo",
            "Kolom",
            "Indeks",
        ]
    else:
        site, base, host_img, twitter = (
            "Okezone",
            "https://news.okezone.com",
            "img.okezone.com",
            "@okezonenews",
        )
        menu_items = [
            "News",
            "Nasional",
            "Megapolitan",
            "Economy",
            "Celebrity",
            "Sports",
            "Bola",
            "Techno",
            "Lifestyle",
            "Travel",
            "Otomotif",
            "Edukasi",
            "Muslim",
            "Women",
            "Health",
            "Infografis",
            "Video",
            "Indeks",
        ]
    sect = _pick(rng, ["Hukum", "Politik", "Peristiwa", "Daerah", "Ekonomi"])
    s = _slug(title)
    aid = rng.randint(100000, 1500000)
    url = f"{base}/read/{aid}/{rng.randint(10, 20)}/{s}"
    img = f"https://{host_img}/dyn/620/pena/news/{dt:%Y/%m/%d}/{rng.randint(100, 999)}/{aid}/{s[:20]}-{_hash(rng, 5).lower()}.jpg"
    city = _pick(rng, ["JAKARTA"] * 6 + [c.upper() for c in CITIES[1:]])
    dateline = f"{city} - "
    gold = _gold(paras, dateline)
    desc = _desc(dateline + paras[0])
    rep = _person(rng)
    tags = _tags(rng, title)
    n = len(paras)

    rendered = [f"<div><strong>{_e(city)}</strong> - {_e(paras[0])}</div>"]
    rendered += [f"<div>{_e(p)}</div>" for p in paras[1:]]
    after = {}
    nbj = 1 if n < 5 else 2
    after_prev = []
    for bi in range(nbj):
        h = _heads(rng, heads, 1)[0]
        href = f"{base}/read/{rng.randint(100000, 1500000)}/{rng.randint(10, 20)}/{_slug(h)}"
        lab = _pick(rng, ["Baca Juga:", "Baca juga:", "BACA JUGA:"])
        _add(
            after,
            _spread(rng, n, bi, after_prev),
            f'<div class="baca-juga-box"><span class="baca-juga-title">{lab}</span> <a href="{_e(href)}" target="_blank">{_e(h)}</a></div>',
        )
    for j in range(1 if n < 5 else 2):
        _add(
            after,
            _pos(rng, n, j * 2, n - 2),
            f'<div class="ads-inarticle"><div class="ads-title">ADVERTISEMENT</div><div id="div-gpt-ad-inarticle-{j + 1}" class="ads300"></div></div>',
        )
    if n >= 4 and _chance(rng, 0.4):
        vh = _heads(rng, heads, 1)[0]
        _add(
            after,
            _pos(rng, n, 2, n - 2),
            f'<div class="video-inarticle"><div class="video-title"><b>{_e(_pick(rng, ["Lihat Juga Video:", "Saksikan Video:", "Simak Video Pilihan:"]))}</b> {_e(vh)}</div>'
            f'<div class="vid-embed"><iframe src="https://video.{"sindonews" if sindo else "okezone"}.com/embed/{rng.randint(100000, 999999)}" width="620" height="349" allowfullscreen></iframe></div></div>',
        )
    tail = [f"<div>{_e(_inits(rng) if not sindo else '(' + _pick(rng, INITIALS) + ')')}</div>"]
    if _chance(rng, 0.5):
        tail.append(
            f'<div class="gnews"><a href="https://news.google.com/publications/{_hash(rng, 22)}">{_e(_pick(rng, ["Simak berita dan artikel lainnya di Google News", "Follow Berita " + site + " di Google News", "Ikuti berita " + site + " di Google News"]))}</a></div>'
        )
    body = _weave(rendered, after) + "\n" + "\n".join(tail)
    paging = ""
    if _chance(rng, 0.35):
        pages = rng.randint(2, 3)
        paging = (
            '<div class="pagination-detail"><span>Halaman :</span>'
            + "".join(
                f'<a href="{_e(url)}/{i}"{" class=active" if i == 1 else ""}>{i}</a>'
                for i in range(1, pages + 1)
            )
            + f'<a href="{_e(url)}/2" class="next">Selanjutnya</a> <a href="{_e(url)}?showpage=all">Tampilkan Semua</a></div>'
        )

    hot = "".join(f'<a href="{base}/topic/{_slug(t)}">{_e(t)}</a>' for t in rng.sample(TRENDING, 5))
    tagl = "".join(f'<li><a href="{base}/tag/{_slug(t)}">{_e(t)}</a></li>' for t in tags)
    terkait = "".join(
        f'<li><a href="{_e(base + "/read/" + str(rng.randint(100000, 1500000)) + "/" + _slug(h))}"><img src="{_e(_img(host_img, dt, _slug(h), rng))}"><span class="title">{_e(h)}</span></a><time>{_e(_d_long(_earlier(rng, dt)))}</time></li>'
        for h in _heads(rng, heads, rng.randint(3, 5))
    )
    terpop = "".join(
        f'<li><span class="no">{i + 1}</span><a href="{_e(base + "/read/" + str(rng.randint(100000, 1500000)) + "/" + _slug(h))}">{_e(h)}</a></li>'
        for i, h in enumerate(_heads(rng, heads, 5))
    )
    pilihan = "".join(
        f'<li><a href="{_e(base + "/read/" + _slug(h))}">{_e(h)}</a></li>'
        for h in _heads(rng, heads, 4)
    )
    yr = _copy_year(rng, dt)
    network = "".join(
        f'<a href="https://www.{x.lower()}.com">{x}</a>'
        for x in ["Okezone", "SINDOnews", "iNews", "Celebrities", "IDXChannel", "MNC Portal"]
    )

    page_html = f"""<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(title)} : {"Okezone " + sect if not sindo else "SINDOnews " + sect}</title>
{_meta_block(title, site, url, img, desc, dt, mod, tags, rep, sect, twitter)}
<meta name="content_author" content="{_e(rep)}">
<link rel="stylesheet" href="https://cdn.{("sindonews.net" if sindo else "okezone.com")}/css/detail.min.css?v={rng.randint(100, 999)}">
{_gtag(rng)}
{_gpt(rng, "mnc_" + site.lower())}
{_jsonld(_news_ld(title, url, img, dt, mod, rep, site, "https://" + host_img + "/logo.png", sect, desc, tags))}
</head>
<body>
<div class="mnc-network-bar">{network}</div>
<header class="header">
 <div class="container"><div class="logo"><a href="{base}"><img src="https://{host_img}/images/logo-{site.lower()}.png" alt="{site}"></a></div>
 <div class="search-box"><form action="https://search.{("sindonews" if sindo else "okezone")}.com/" method="get"><input type="text" name="q" placeholder="Cari berita di {site}"></form></div>
 <div class="login-box"><a href="{base}/login">Login</a> / <a href="{base}/register">Register</a></div></div>
 <nav class="menu-nav">{_menu(menu_items, base, "menu")}</nav>
</header>
<div class="container hot-topic"><span class="label">{_pick(rng, ["Topik Terhangat:", "Trending:", "Hot Topic:"])}</span>{hot}</div>
<div class="container"><div class="breadcrumb"><a href="{base}">Home</a> &gt; <a href="{base}/{_slug(sect)}">{_e(sect)}</a></div>
<div class="row"><div class="col-md-8 detail-left">
 <div class="detail-title"><h1>{_e(title)}</h1></div>
 <div class="detail-nama-redaksi"><a href="{base}/author/{_slug(rep)}">{_e(rep)}</a></div>
 <div class="detail-date-artikel">{_e(_d_long(dt).replace(str(dt.year) + " ", str(dt.year) + " - "))}</div>
 <div class="detail-views">{_dots(rng.randint(100, 99999))} views</div>
 <div class="detail-share"><span>Bagikan</span><a class="fb" href="#">{_count(rng)}</a><a class="tw" href="#">Twitter</a><a class="wa" href="#">WhatsApp</a><a class="copy" href="#">Salin Link</a></div>
 <div class="detail-img"><img src="{_e(img)}" alt="{_e(title)}"><div class="detail-caption">{_e(_caption(rng))}. {_e(_pick(rng, ["(Foto: " + site + "/" + _person(rng) + ")", "(Foto: Dok. Istimewa)", "(Foto: MPI/" + _person(rng) + ")", "(Foto: Ilustrasi/Freepik)"]))}</div></div>
 <div class="detail-desc" id="detail-desc">
{body}
 </div>
 {paging}
 <div class="detail-tag"><span>Tags :</span><ul>{tagl}</ul></div>
 <div class="comment-box"><h3>Komentar</h3><div class="comment-login">Silakan login untuk tulis komentar</div><textarea placeholder="Tulis komentar Anda"></textarea></div>
 <div class="berita-terkait"><h3>Berita Terkait</h3><ul>{terkait}</ul></div>
 <div class="rekomendasi"><h3>{_pick(rng, ["Rekomendasi", "Pilihan Redaksi", "Berita Pilihan"])}</h3><ul>{pilihan}</ul></div>
</div>
<div class="col-md-4 detail-right">{_ad_slot(rng)}<div class="terpopuler"><h3>Terpopuler</h3><ol>{terpop}</ol></div>
<div class="newsletter"><h4>Newsletter</h4><p>Dapatkan berita pilihan setiap pagi langsung di kotak masuk Anda.</p><form><input type="email" placeholder="Email Anda"><button>Berlangganan</button></form></div></div>
</div></div>
<footer class="footer"><div class="container"><ul><li><a href="{base}/redaksi">Redaksi</a></li><li><a href="{base}/tentang-kami">Tentang Kami</a></li><li><a href="{base}/kontak">Kontak</a></li><li><a href="{base}/pedoman-media-siber">Pedoman Media Siber</a></li><li><a href="{base}/karir">Karir</a></li><li><a href="{base}/disclaimer">Disclaimer</a></li></ul>
<p>Copyright &copy; {yr} {site}. All rights reserved.</p></div></footer>
<script src="https://cdn.{("sindonews.net" if sindo else "okezone.com")}/js/detail.min.js"></script>
</body>
</html>
"""
    return page_html, gold


# ---------------------------------------------------------------------------
# 9. liputan6-like: <article> with the body split over nested <section>s
# ---------------------------------------------------------------------------


def _t_liputan6(rng, title, paras, heads):
    dt = _rand_dt(rng)
    mod = dt + timedelta(minutes=rng.randint(0, 300))
    chan = _pick(
        rng,
        ["news", "bisnis", "bola", "showbiz", "tekno", "health", "regional", "global", "otomotif"],
    )
    base = "https://www.liputan6.com"
    s = _slug(title)
    aid = rng.randint(3000000, 6100000)
    url = f"{base}/{chan}/read/{aid}/{s}"
    img = f"https://cdn1-production-images-kly.akamaized.net/{_hash(rng, 27)}=/640x360/smart/filters:quality(75):strip_icc():format(webp)/kly-media-production/medias/{aid // 10}/original/0{rng.randint(10, 99)}_{s[:20]}.jpg"
    city = _pick(rng, ["Jakarta"] * 6 + CITIES[1:])
    dateline = f"Liputan6.com, {city} - "
    gold = _gold(paras, dateline)
    desc = _desc(paras[0])
    author = _person(rng)
    ed = _person(rng)
    tags = _tags(rng, title)
    n = len(paras)

    # split paragraphs over 1-3 "pages" (sections)
    if n >= 6:
        nsec = rng.randint(2, 3)
    elif n >= 3:
        nsec = 2
    else:
        nsec = 1
    cuts = sorted(rng.sample(range(1, n), nsec - 1)) if nsec > 1 else []
    bounds = [0, *cuts, n]
    rendered = [f"<p><b>{_e('Liputan6.com, ' + city)}</b> - {_e(paras[0])}</p>"] + [
        f"<p>{_e(p)}</p>" for p in paras[1:]
    ]
    after = {}
    if _chance(rng, 0.85):
        k = rng.randint(1, 3)
        items = "".join(
            f'<li class="baca-juga-collections__item"><a class="baca-juga-collections__link" href="{_e(base + "/" + chan + "/read/" + str(rng.randint(3000000, 6100000)) + "/" + _slug(h))}">{_e(h)}</a></li>'
            for h in _heads(rng, heads, k)
        )
        _add(
            after,
            _pos(rng, n, 1, 3),
            f'<div class="baca-juga-collections" data-component-name="desktop:read-page:article-content-body:section:baca-juga">'
            f'<div class="baca-juga-collections__title">{_pick(rng, ["Baca Juga", "Baca Juga", "BACA JUGA"])}</div><ul class="baca-juga-collections__list">{items}</ul></div>',
        )
    if n >= 4 and _chance(rng, 0.45):
        q = _quote_from(rng, paras)
        if q:
            _add(
                after,
                _pos(rng, n, 1, n - 2),
                f'<blockquote class="article-content-body__item-quote"><p>&ldquo;{_e(q)}&rdquo;</p></blockquote>',
            )
    sections = []
    for si in range(nsec):
        a, b = bounds[si], bounds[si + 1]
        chunk = []
        for i in range(a, b):
            chunk.append(rendered[i])
            # furniture after the last paragraph of a section goes between sections instead
            if i != b - 1:
                chunk.extend(after.get(i, []))
        between = after.get(b - 1, []) if si < nsec - 1 else []
        media = ""
        if si > 0 and _chance(rng, 0.6):
            cap = _caption(rng)
            media = (
                f'<div class="article-content-body__item-media"><figure class="read-page--photo-gallery--item">'
                f'<img src="{_e(_img("cdn1-production-images-kly.akamaized.net", dt, s, rng))}" alt="{_e(cap)}">'
                f'<figcaption class="read-page--photo-gallery--item__caption">{_e(cap)}. ({_e(_pick(rng, ["Liputan6.com/" + _person(rng), "Liputan6.com/Johan Tallo", "Dok. Istimewa", "AP Photo/" + _person(rng)]))})</figcaption></figure></div>'
            )
        video = ""
        if si == 0 and _chance(rng, 0.5):
            video = (
                f'<div class="article-content-body__item-video"><p><strong>{_e(_pick(rng, ["Simak Video Pilihan Berikut Ini:", "Saksikan Video Pilihan di Bawah Ini:", "Lihat juga video ini:"]))}</strong></p>'
                f'<div class="video-embed"><iframe src="https://www.vidio.com/embed/{rng.randint(1000000, 9999999)}?autoplay=false" width="640" height="360" allowfullscreen></iframe></div></div>'
            )
        ad = ""
        if si < nsec - 1 or nsec == 1:
            ad = (
                f'<div class="article-ad article-ad_middle"><div class="article-ad__label">ADVERTISEMENT</div>'
                f'<div id="gpt-ad-inarticle-{si + 1}"></div></div>'
            )
        sec = (
            f'<section class="article-content-body__item-page" data-page="{si + 1}" data-title="{_e(title)}">\n'
            f'{media}<div class="article-content-body__item-content" data-component-name="desktop:read-page:article-content-body:section:text">\n'
            + "\n".join(chunk)
            + "\n</div>\n"
            + "\n".join(between)
            + ("\n" + video if video else "")
            + ("\n" + ad if ad else "")
            + "\n</section>"
        )
        sections.append(sec)
    body = "\n".join(sections)
    end_note = ""
    if _chance(rng, 0.3):
        end_note = f'<div class="article-content-body__item-page-footnote"><p>{_e(_pick(rng, ["(Ant)", "(*)", "Reporter: " + _person(rng), "Sumber: Antara"]))}</p></div>'

    menu = _menu(
        [
            "News",
            "Bisnis",
            "Saham",
            "Bola",
            "Showbiz",
            "Tekno",
            "Health",
            "Lifestyle",
            "Otomotif",
            "Citizen6",
            "Global",
            "Islami",
            "Regional",
            "Cek Fakta",
            "Hot",
            "Video",
            "Photo",
            "Surabaya",
            "Disabilitas",
            "On Off",
            "Crypto",
            "Indeks",
        ],
        base,
        "navbar--top--list",
        "navbar--top--item",
        "navbar--top--link",
    )
    trend = "".join(
        f'<a href="{base}/tag/{_slug(t)}" class="tags--snippet__link">{_e(t)}</a>'
        for t in rng.sample(TRENDING, 5)
    )
    tagl = "".join(
        f'<li class="tags--snippet__item"><a class="tags--snippet__link" href="{base}/tag/{_slug(t)}"><span class="tags--snippet__name">{_e(t)}</span></a></li>'
        for t in tags
    )
    rel = "".join(
        f'<article class="articles--iridescent-list--item"><aside><a href="{_e(base + "/" + chan + "/read/" + str(rng.randint(3000000, 6100000)) + "/" + _slug(h))}"><img src="{_e(_img("cdn1-production-images-kly.akamaized.net", dt, _slug(h), rng))}"></a></aside>'
        f'<header><h4 class="articles--iridescent-list--text-item__title"><a href="{_e(base + "/" + chan + "/read/" + _slug(h))}">{_e(h)}</a></h4><time>{_e(_d_l6(_earlier(rng, dt)))}</time></header></article>'
        for h in _heads(rng, heads, rng.randint(3, 5))
    )
    pop = "".join(
        f'<li><span>{i + 1}</span><a href="{_e(base + "/" + chan + "/read/" + _slug(h))}">{_e(h)}</a></li>'
        for i, h in enumerate(_heads(rng, heads, 5))
    )
    yr = _copy_year(rng, dt)
    share = "".join(
        f'<a class="read-page--social-share__link read-page--social-share__link_{k}" href="#">{lab}<span class="read-page--social-share__count">{_count(rng) if k != "copy" else ""}</span></a>'
        for k, lab in [
            ("facebook", "Facebook"),
            ("twitter", "Twitter"),
            ("whatsapp", "WhatsApp"),
            ("copy", "Salin Link"),
        ]
    )
    updated = (
        f'<p class="read-page--header--author__modified-time">Diperbarui {_e(_d_l6(mod))}</p>'
        if mod > dt + timedelta(minutes=20)
        else ""
    )

    page_html = f"""<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(title)} - {_e(chan.title())} Liputan6.com</title>
{_meta_block(title, "liputan6.com", url, img, desc, dt, mod, tags, author, chan, "@liputan6dotcom")}
<meta name="adx:sections" content="{_e(chan)}">
<meta name="adx:keywords" content="{_e(",".join(tags))}">
<link rel="stylesheet" href="https://cdn-production-assets-kly.akamaized.net/assets/css/desktop/read-page.{_hash(rng, 8).lower()}.css">
{_gtag(rng)}
{_gpt(rng, "liputan6")}
{_jsonld(_news_ld(title, url, img, dt, mod, author, "Liputan6.com", base + "/logo.png", chan, desc, tags))}
<script>window.kmklabs = window.kmklabs || {{}}; window.kmklabs.article = {{id: {aid}, type: "TextTypeArticle", channel: "{_e(chan)}"}};</script>
</head>
<body class="read-page">
<div class="navbar navbar--top"><div class="container-navbar">
 <a class="navbar--top--logo" href="{base}"><img src="https://cdn-production-assets-kly.akamaized.net/assets/images/logo-liputan6.svg" alt="Liputan6.com"></a>
 <form class="navbar--top--search" action="{base}/search" method="get"><input type="search" name="q" placeholder="Cari berita..."></form>
 <div class="navbar--top--login"><a href="https://account.kly.id/login?source=liputan6">Masuk</a><a href="https://account.kly.id/register?source=liputan6">Daftar</a></div>
 <nav>{menu}</nav></div></div>
<div class="trending-bar"><span class="trending-bar__title">{_pick(rng, ["Trending", "Topik Terpopuler", "Hot Topic"])}</span>{trend}</div>
<div class="container-main">
<div class="breadcrumb"><a href="{base}">Home</a> <span>&gt;</span> <a href="{base}/{chan}">{_e(chan.title())}</a> <span>&gt;</span> <a href="{base}/{chan}/{_slug(_pick(rng, ["Politik", "Peristiwa", "Hukum", "Ekonomi", "Daerah"]))}">Berita</a></div>
<article class="hentry main read-page--top-media" data-article-id="{aid}">
 <header class="read-page--header">
  <h1 class="read-page--header--title entry-title">{_e(title)}</h1>
  <div class="read-page--header--author">
   <a class="read-page--header--author__link" href="{base}/me/{_slug(author)}"><span class="read-page--header--author__name fn">{_e(author)}</span></a>
   <time class="read-page--header--author__datetime updated" datetime="{_iso(dt)}">{_e(_d_l6(dt))}</time>
   {updated}
  </div>
  <div class="read-page--social-share">{share}</div>
  <div class="read-page--top-media"><figure class="read-page--photo-gallery--item"><img src="{_e(img)}" alt="{_e(title)}">
   <figcaption class="read-page--photo-gallery--item__caption">{_e(_caption(rng))}. ({_e(_pick(rng, ["Liputan6.com/" + _person(rng), "Liputan6.com/Faizal Fanani", "Dok. Istimewa", "Foto: ANTARA/" + _pick(rng, PHOTOGRAPHERS)]))})</figcaption></figure></div>
 </header>
 <div class="article-content-body article-content-body_with-aside">
{body}
{end_note}
 </div>
 <div class="read-page--editor">Editor: {_e(ed)}</div>
 <div class="tags--snippet"><span class="tags--snippet__title">Tag:</span><ul class="tags--snippet__list">{tagl}</ul></div>
 <div class="read-page--comments"><h3>Komentar</h3><div class="read-page--comments__form"><textarea placeholder="Tulis komentar..."></textarea><button>Kirim</button></div></div>
</article>
<section class="read-page--related"><h3 class="read-page--related__title">{_pick(rng, ["Berita Terkait", "Artikel Selanjutnya", "Berita Terkini"])}</h3>{rel}</section>
<aside class="read-page--sidebar">{_ad_slot(rng)}<div class="box-populer"><h3>Terpopuler</h3><ol>{pop}</ol></div>
<div class="box-newsletter"><h3>Newsletter</h3><p>Dapatkan rangkuman berita pilihan setiap hari di email Anda.</p><form><input type="email" placeholder="Masukkan email"><button>Daftar</button></form></div></aside>
</div>
<footer class="footer"><div class="footer__links"><a href="{base}/info/redaksi">Redaksi</a><a href="{base}/info/pedoman-media-siber">Pedoman Media Siber</a><a href="{base}/info/tentang-kami">Tentang Kami</a><a href="{base}/info/kontak">Kontak</a><a href="{base}/info/karir">Karir</a><a href="{base}/info/kebijakan-privasi">Kebijakan Privasi</a></div>
<div class="footer__copyright">Copyright &copy; {yr} Liputan6.com, KLY KapanLagi Youniverse. All rights reserved.</div></footer>
<script src="https://cdn-production-assets-kly.akamaized.net/assets/js/desktop/read-page.{_hash(rng, 8).lower()}.js"></script>
</body>
</html>
"""
    return page_html, gold


# ---------------------------------------------------------------------------
# 10. small WordPress regional news blog: <p> in div.entry-content
# ---------------------------------------------------------------------------

WP_SITES = [
    ("WartaPriangan.com", "wartapriangan.com", "TASIKMALAYA", "Kabar Terkini dari Tatar Priangan"),
    ("KabarSumbar.id", "kabarsumbar.id", "PADANG", "Tajam, Terpercaya, Berimbang"),
    ("SuaraBorneo.co.id", "suaraborneo.co.id", "PONTIANAK", "Suara Rakyat Kalimantan"),
    ("TimurNews.id", "timurnews.id", "KUPANG", "Berita Indonesia Timur"),
    ("LintasPantura.com", "lintaspantura.com", "CIREBON", "Informasi Akurat dari Pantura"),
    ("SulselAktual.com", "sulselaktual.com", "MAKASSAR", "Aktual dan Terpercaya"),
]

WP_CSS = """.entry-content p{margin-bottom:1.2em}.wp-block-quote{border-left:4px solid #c00;padding-left:1em;font-style:italic}
.code-block{clear:both}.breaking-news{background:#c00;color:#fff}.widget-title{border-bottom:2px solid #c00}"""


def _t_wp(rng, title, paras, heads):
    dt = _rand_dt(rng)
    mod = dt + timedelta(minutes=rng.randint(0, 600))
    site, host, city0, tagline = _pick(rng, WP_SITES)
    base = f"https://{host}"
    s = _slug(title)
    pid = rng.randint(1000, 99999)
    cat = _pick(
        rng,
        [
            "Daerah",
            "Politik",
            "Hukum & Kriminal",
            "Ekonomi",
            "Pendidikan",
            "Olahraga",
            "Peristiwa",
            "Pemerintahan",
        ],
    )
    style = rng.randint(0, 2)
    url = [f"{base}/{s}/", f"{base}/{dt:%Y/%m/%d}/{s}/", f"{base}/{_slug(cat)}/{s}/"][style]
    img = f"{base}/wp-content/uploads/{dt:%Y/%m}/{s[:40]}-{rng.randint(1, 9)}.jpg"
    use_dl = _chance(rng, 0.7)
    city = city0 if _chance(rng, 0.7) else _pick(rng, [c.upper() for c in CITIES])
    dash = _pick(rng, [" – ", " - ", " | "])
    dateline = f"{city}, {site}{dash}" if use_dl else ""
    gold = _gold(paras, dateline)
    desc = _desc(dateline + paras[0])
    author = _pick(rng, ["Redaksi", "Admin", _person(rng), _person(rng)])
    tags = _tags(rng, title)
    n = len(paras)

    if use_dl:
        rendered = [f"<p><strong>{_e(city)}, {_e(site)}</strong>{_e(dash)}{_e(paras[0])}</p>"]
    else:
        rendered = [f"<p>{_e(paras[0])}</p>"]
    rendered += [f"<p>{_e(p)}</p>" for p in paras[1:]]
    after = {}
    if _chance(rng, 0.85):
        if _chance(rng, 0.5):
            h = _heads(rng, heads, 1)[0]
            frag = f'<p><strong>{_pick(rng, ["Baca Juga:", "Baca juga:", "Baca Juga :"])}</strong> <a href="{_e(base + "/" + _slug(h) + "/")}">{_e(h)}</a></p>'
        else:
            items = "".join(
                f'<li><a href="{_e(base + "/" + _slug(h) + "/")}">{_e(h)}</a></li>'
                for h in _heads(rng, heads, rng.randint(2, 3))
            )
            frag = f'<div class="baca-juga"><h3>Baca Juga</h3><ul>{items}</ul></div>'
        _add(after, _pos(rng, n, 1, 3), frag)
    if _chance(rng, 0.7):
        _add(
            after,
            _pos(rng, n, 0, n - 2),
            f'<div class="code-block code-block-{rng.randint(2, 6)}" style="margin: 8px auto; text-align: center; display: block; clear: both;">'
            f'<ins class="adsbygoogle" style="display:block; text-align:center;" data-ad-layout="in-article" data-ad-format="fluid" '
            f'data-ad-client="ca-pub-{rng.randint(10**15, 10**16)}" data-ad-slot="{rng.randint(10**9, 10**10)}"></ins>'
            f"<script>(adsbygoogle = window.adsbygoogle || []).push({{}});</script></div>",
        )
    if n >= 3 and _chance(rng, 0.45):
        cap = _caption(rng)
        _add(
            after,
            _pos(rng, n, 1, n - 2),
            f'<figure class="wp-block-image size-large"><img decoding="async" loading="lazy" width="1024" height="576" '
            f'src="{_e(base + "/wp-content/uploads/" + dt.strftime("%Y/%m") + "/" + _hash(rng, 8).lower() + "-1024x576.jpg")}" alt="" class="wp-image-{pid + 1}">'
            f'<figcaption class="wp-element-caption">{_e(cap)}. ({_e(_pick(rng, ["Foto: " + site, "Dok. Istimewa", "Foto: Humas Pemkab", "Foto: ANTARA/" + _pick(rng, PHOTOGRAPHERS)]))})</figcaption></figure>',
        )
    if n >= 4 and _chance(rng, 0.4):
        q = _quote_from(rng, paras)
        if q:
            _add(
                after,
                _pos(rng, n, 2, n - 2),
                f'<blockquote class="wp-block-quote"><p>{_e(q)}</p></blockquote>',
            )
    tail = []
    r = rng.random()
    if r < 0.25:
        src_site, src_host = _pick(
            rng,
            [
                ("Kompas.com", "regional.kompas.com"),
                ("Antaranews.com", "www.antaranews.com"),
                ("Detik.com", "news.detik.com"),
            ],
        )
        tail.append(
            f"<p>Artikel ini telah tayang di {src_site} dengan judul &quot;{_e(title)}&quot;, "
            f'<a href="https://{src_host}/{_slug(title)}">https://{src_host}/{_slug(title)}</a></p>'
        )
    elif r < 0.5:
        tail.append(f"<p>{_pick(rng, ['(ant)', '(*)', '(adv)', '(red)'])}</p>")
    elif r < 0.7:
        tail.append(
            f"<p>Sumber: {_e(_pick(rng, ['Antara', 'Humas Pemprov', 'Kompas.com', 'Diskominfo']))}</p>"
        )
    if _chance(rng, 0.5):
        tail.append(
            f"<p><em>{_e(_pick(rng, ['Simak berita dan artikel lainnya di Google News', 'Ikuti ' + site + ' di Google News untuk update berita terbaru', 'Dapatkan update berita pilihan setiap hari dari ' + site + '. Gabung di Grup Telegram kami.']))}</em></p>"
        )
    jp = (
        '<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social sd-social-icon-text sd-sharing">'
        '<h3 class="sd-title">Bagikan ini:</h3><div class="sd-content"><ul><li class="share-facebook"><a class="share-facebook sd-button" href="?share=facebook"><span>Facebook</span></a></li>'
        '<li class="share-x"><a class="share-x sd-button" href="?share=x"><span>X</span></a></li><li class="share-jetpack-whatsapp"><a class="share-jetpack-whatsapp sd-button" href="?share=jetpack-whatsapp"><span>WhatsApp</span></a></li></ul></div></div></div>'
    )
    jrel = "".join(
        f'<div class="jp-relatedposts-post"><h4 class="jp-relatedposts-post-title"><a href="{_e(base + "/" + _slug(h) + "/")}">{_e(h)}</a></h4><p class="jp-relatedposts-post-date">{_e(_d_date(_earlier(rng, dt, 60 * 24 * 20)))}</p><p class="jp-relatedposts-post-context">Dalam &quot;{_e(cat)}&quot;</p></div>'
        for h in _heads(rng, heads, 3)
    )
    jrel_html = (
        f'<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>Terkait</em></h3>{jrel}</div>'
        if _chance(rng, 0.6)
        else ""
    )
    body = (
        _weave(rendered, after)
        + ("\n" + "\n".join(tail) if tail else "")
        + "\n"
        + jp
        + "\n"
        + jrel_html
    )

    menu = _menu(
        [
            "Beranda",
            "Daerah",
            "Politik",
            "Hukum & Kriminal",
            "Ekonomi",
            "Pendidikan",
            "Olahraga",
            "Gaya Hidup",
            "Opini",
            "Advertorial",
            "Video",
            "Indeks",
        ],
        base + "/category",
        "menu",
        "menu-item menu-item-type-taxonomy",
    )
    breaking = "".join(
        f'<li><a href="{_e(base + "/" + _slug(h) + "/")}">{_e(h)}</a></li>'
        for h in _heads(rng, heads, 4)
    )
    tagl = ", ".join(f'<a href="{base}/tag/{_slug(t)}/" rel="tag">{_e(t)}</a>' for t in tags)
    recent = "".join(
        f'<li><a href="{_e(base + "/" + _slug(h) + "/")}">{_e(h)}</a><span class="post-date">{_e(_d_date(_earlier(rng, dt, 60 * 24 * 5)))}</span></li>'
        for h in _heads(rng, heads, 5)
    )
    popular = "".join(
        f'<li><img src="{_e(base + "/wp-content/uploads/" + dt.strftime("%Y/%m") + "/" + _slug(h)[:20] + "-150x150.jpg")}" width="75" height="75"><a href="{_e(base + "/" + _slug(h) + "/")}">{_e(h)}</a></li>'
        for h in _heads(rng, heads, 4)
    )
    prev_h, next_h = _heads(rng, heads, 2)
    yr = _copy_year(rng, dt)
    yoast = {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "NewsArticle",
                "@id": url + "#article",
                "isPartOf": {"@id": url},
                "author": {
                    "name": author,
                    "@id": base + "/#/schema/person/" + _hash(rng, 32).lower(),
                },
                "headline": title,
                "datePublished": _iso(dt),
                "dateModified": _iso(mod),
                "mainEntityOfPage": {"@id": url},
                "wordCount": sum(len(p.split()) for p in paras),
                "publisher": {"@id": base + "/#organization"},
                "image": {"@id": url + "#primaryimage"},
                "thumbnailUrl": img,
                "keywords": tags,
                "articleSection": [cat],
                "inLanguage": "id",
            },
            {
                "@type": "WebPage",
                "@id": url,
                "url": url,
                "name": title + " - " + site,
                "datePublished": _iso(dt),
                "description": desc,
                "breadcrumb": {"@id": url + "#breadcrumb"},
                "inLanguage": "id",
            },
            {
                "@type": "BreadcrumbList",
                "@id": url + "#breadcrumb",
                "itemListElement": [
                    {"@type": "ListItem", "position": 1, "name": "Beranda", "item": base + "/"},
                    {"@type": "ListItem", "position": 2, "name": title},
                ],
            },
            {
                "@type": "Organization",
                "@id": base + "/#organization",
                "name": site,
                "url": base + "/",
            },
        ],
    }
    sep = _pick(rng, [" - ", " | ", " &#8211; "])

    page_html = f"""<!DOCTYPE html>
<html lang="id-ID">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="profile" href="https://gmpg.org/xfn/11">
<title>{_e(title)}{sep}{_e(site)}</title>
<!-- This site is optimized with the Yoast SEO plugin v{rng.randint(19, 23)}.{rng.randint(0, 9)} - https://yoast.com/wordpress/plugins/seo/ -->
<meta name="description" content="{_e(desc)}">
<link rel="canonical" href="{_e(url)}">
<meta property="og:locale" content="id_ID">
<meta property="og:type" content="article">
<meta property="og:title" content="{_e(title)}">
<meta property="og:description" content="{_e(desc)}">
<meta property="og:url" content="{_e(url)}">
<meta property="og:site_name" content="{_e(site)}">
<meta property="article:published_time" content="{_iso(dt)}">
<meta property="article:modified_time" content="{_iso(mod)}">
<meta property="og:image" content="{_e(img)}">
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:label1" content="Ditulis oleh"><meta name="twitter:data1" content="{_e(author)}">
<meta name="twitter:label2" content="Estimasi waktu membaca"><meta name="twitter:data2" content="{max(1, sum(len(p.split()) for p in paras) // 200)} menit">
<script type="application/ld+json" class="yoast-schema-graph">{json.dumps(yoast, ensure_ascii=False).replace("</", "<" + chr(92) + "/")}</script>
<!-- / Yoast SEO plugin. -->
<link rel="alternate" type="application/rss+xml" title="{_e(site)} &raquo; Feed" href="{base}/feed/">
<script>window._wpemojiSettings = {{"baseUrl":"https:\\/\\/s.w.org\\/images\\/core\\/emoji\\/14.0.0\\/72x72\\/","ext":".png","source":{{"concatemoji":"{base}\\/wp-includes\\/js\\/wp-emoji-release.min.js?ver=6.{rng.randint(1, 5)}"}}}};</script>
<link rel="stylesheet" id="wp-block-library-css" href="{base}/wp-includes/css/dist/block-library/style.min.css?ver=6.{rng.randint(1, 5)}" media="all">
<link rel="stylesheet" id="{_pick(rng, ["jannah", "newspaper", "sahifa", "colormag", "jnews"])}-styles-css" href="{base}/wp-content/themes/newsportal/style.css?ver={rng.randint(1, 9)}.{rng.randint(0, 9)}" media="all">
<style id="wp-custom-css">{WP_CSS}</style>
<script src="{base}/wp-includes/js/jquery/jquery.min.js?ver=3.7.1" id="jquery-core-js"></script>
<script async src="https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js?client=ca-pub-{rng.randint(10**15, 10**16)}" crossorigin="anonymous"></script>
{_gtag(rng)}
</head>
<body class="post-template-default single single-post postid-{pid} single-format-standard wp-embed-responsive">
<div id="page" class="site">
<a class="skip-link screen-reader-text" href="#content">Langsung ke konten</a>
<div class="top-bar"><div class="container"><span class="top-date">{_e(DAYS[dt.weekday()])}, {_e(_d_date(dt))}</span>
<div class="top-social"><a href="https://facebook.com/{host}">Facebook</a> <a href="https://instagram.com/{host.split(".")[0]}">Instagram</a> <a href="https://youtube.com/@{host.split(".")[0]}">YouTube</a></div>
<div class="top-login"><a href="{base}/wp-login.php">Masuk</a></div></div></div>
<header id="masthead" class="site-header">
 <div class="site-branding"><a href="{base}/" class="custom-logo-link" rel="home"><img src="{base}/wp-content/uploads/logo.png" class="custom-logo" alt="{_e(site)}"></a>
 <p class="site-title"><a href="{base}/" rel="home">{_e(site)}</a></p><p class="site-description">{_e(tagline)}</p></div>
 <div class="header-ads">{_ad_slot(rng, size=(728, 90), cls="header-ad")}</div>
 <nav id="site-navigation" class="main-navigation"><button class="menu-toggle" aria-controls="primary-menu" aria-expanded="false">Menu</button>{menu}
 <form role="search" method="get" class="search-form" action="{base}/"><label><span class="screen-reader-text">Cari untuk:</span><input type="search" class="search-field" placeholder="Cari &hellip;" name="s"></label><input type="submit" class="search-submit" value="Cari"></form></nav>
</header>
<div class="breaking-news"><span class="breaking-title">{_pick(rng, ["Breaking News", "Berita Terkini", "Trending"])}</span><ul class="breaking-ticker">{breaking}</ul></div>
<div id="content" class="site-content">
<div id="primary" class="content-area"><main id="main" class="site-main">
<nav class="breadcrumbs" aria-label="Breadcrumbs"><a href="{base}/">Home</a> &raquo; <a href="{base}/category/{_slug(cat)}/">{_e(cat)}</a> &raquo; <span class="last">{_e(title)}</span></nav>
<article id="post-{pid}" class="post-{pid} post type-post status-publish format-standard has-post-thumbnail hentry category-{_slug(cat)}">
 <header class="entry-header">
  <span class="cat-links"><a href="{base}/category/{_slug(cat)}/" rel="category tag">{_e(cat)}</a></span>
  <h1 class="entry-title">{_e(title)}</h1>
  <div class="entry-meta"><span class="byline">Oleh <span class="author vcard"><a class="url fn n" href="{base}/author/{_slug(author)}/">{_e(author)}</a></span></span>
  <span class="posted-on"><time class="entry-date published" datetime="{_iso(dt)}">{_e(_d_date(dt))}</time><time class="updated" datetime="{_iso(mod)}">{_e(_d_date(mod))}</time></span>
  <span class="post-views">{rng.randint(10, 9999)} Dilihat</span> <span class="comments-link"><a href="{_e(url)}#respond">{_pick(rng, ["0 Komentar", "Tinggalkan komentar", "1 Komentar"])}</a></span></div>
 </header>
 <div class="post-thumbnail"><figure class="wp-caption"><img width="780" height="440" src="{_e(img)}" class="attachment-post-thumbnail size-post-thumbnail wp-post-image" alt="{_e(title)}" decoding="async"><figcaption class="wp-caption-text">{_e(_caption(rng))}. {_e(_pick(rng, ["(Dok. Istimewa)", "(Foto: " + site + ")", "(Foto: Ist)", "(Foto: " + _person(rng) + ")"]))}</figcaption></figure></div>
 <div class="entry-content">
{body}
 </div>
 <footer class="entry-footer"><span class="tags-links">Tag: {tagl}</span></footer>
</article>
<nav class="navigation post-navigation" aria-label="Pos"><h2 class="screen-reader-text">Navigasi pos</h2><div class="nav-links">
<div class="nav-previous"><a href="{_e(base + "/" + _slug(prev_h) + "/")}" rel="prev"><span class="meta-nav">Sebelumnya</span> {_e(prev_h)}</a></div>
<div class="nav-next"><a href="{_e(base + "/" + _slug(next_h) + "/")}" rel="next"><span class="meta-nav">Selanjutnya</span> {_e(next_h)}</a></div></div></nav>
<div id="comments" class="comments-area"><div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Tinggalkan Balasan</h3>
<form action="{base}/wp-comments-post.php" method="post" id="commentform" class="comment-form"><p class="comment-notes"><span id="email-notes">Email Anda tidak akan dipublikasikan.</span> Kolom yang wajib diisi ditandai <span class="required">*</span></p>
<p class="comment-form-comment"><label for="comment">Komentar <span class="required">*</span></label><textarea id="comment" name="comment" cols="45" rows="8" required></textarea></p>
<p class="comment-form-author"><label for="author">Nama <span class="required">*</span></label><input id="author" name="author" type="text"></p>
<p class="comment-form-email"><label for="email">Email <span class="required">*</span></label><input id="email" name="email" type="email"></p>
<p class="comment-form-url"><label for="url">Situs Web</label><input id="url" name="url" type="url"></p>
<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Kirim Komentar"><input type="hidden" name="comment_post_ID" value="{pid}"></p></form></div></div>
</main></div>
<aside id="secondary" class="widget-area">
<section id="search-2" class="widget widget_search"><form role="search" method="get" action="{base}/"><input type="search" name="s" placeholder="Cari berita..."></form></section>
<section id="custom_html-2" class="widget_text widget widget_custom_html"><h2 class="widget-title">Iklan</h2>{_ad_slot(rng, cls="sidebar-ad")}</section>
<section id="recent-posts-2" class="widget widget_recent_entries"><h2 class="widget-title">Berita Terkini</h2><ul>{recent}</ul></section>
<section id="popular-2" class="widget widget_popular_posts"><h2 class="widget-title">{_pick(rng, ["Terpopuler", "Paling Banyak Dibaca", "Populer Minggu Ini"])}</h2><ul>{popular}</ul></section>
<section id="newsletter-2" class="widget widget_newsletter"><h2 class="widget-title">Berlangganan</h2><p>Masukkan alamat email Anda untuk menerima berita terbaru dari {_e(site)}.</p><form><input type="email" placeholder="Alamat Email"><button>Berlangganan</button></form></section>
<section id="categories-2" class="widget widget_categories"><h2 class="widget-title">Kategori</h2><ul>{"".join('<li class="cat-item"><a href="' + base + "/category/" + _slug(c) + '/">' + _e(c) + "</a></li>" for c in ["Daerah", "Politik", "Hukum & Kriminal", "Ekonomi", "Pendidikan", "Olahraga"])}</ul></section>
</aside>
</div>
<footer id="colophon" class="site-footer"><div class="footer-menu"><a href="{base}/redaksi/">Redaksi</a> | <a href="{base}/pedoman-media-siber/">Pedoman Media Siber</a> | <a href="{base}/tentang-kami/">Tentang Kami</a> | <a href="{base}/kontak/">Kontak</a> | <a href="{base}/disclaimer/">Disclaimer</a> | <a href="{base}/kebijakan-privasi/">Kebijakan Privasi</a></div>
<div class="site-info">Copyright &copy; {yr} {_e(site)}. All rights reserved. <span class="sep"> | </span> Tema oleh <a href="#">{_pick(rng, ["Jannah", "NewsPortal", "ColorMag", "JNews"])}</a>.</div></footer>
</div>
<script src="{base}/wp-content/plugins/jetpack/_inc/build/sharedaddy/sharing.min.js?ver={rng.randint(10, 13)}.{rng.randint(0, 9)}" id="sharing-js-js"></script>
<script src="{base}/wp-content/themes/newsportal/js/navigation.js?ver=1.0" id="newsportal-navigation-js"></script>
</body>
</html>
"""
    return page_html, gold


# ---------------------------------------------------------------------------

_BUILDERS = {
    "detik_like": _t_detik,
    "kompas_like": _t_kompas,
    "tribun_like": _t_tribun,
    "cnn_like": _t_cnn,
    "kumparan_like": _t_kumparan,
    "suara_amp_like": _t_suara,
    "antara_like": _t_antara,
    "okezone_sindo_like": _t_okesindo,
    "liputan6_like": _t_liputan6,
    "wp_regional_like": _t_wp,
}

assert list(_BUILDERS) == TEMPLATES


def page(
    name: str, rng: random.Random, title: str, paragraphs: list[str], headlines: list[str]
) -> tuple[str, str]:
    """Return (html, gold). html: the whole page with the article inserted. gold: the text
    a perfect extractor returns: the article's paragraphs joined by "\\n\\n", exactly the
    paragraphs passed in, in order, WITHOUT the title and WITHOUT any furniture (no Baca
    juga lines, no captions, no initials like (nvc/idh), no "Artikel ini telah tayang",
    no author/date lines). Where the template glues a dateline to the first paragraph
    ("JAKARTA, KOMPAS.com - ", "Jakarta (ANTARA) - ", ...) it is part of the gold too."""
    if name not in _BUILDERS:
        raise KeyError(f"unknown template {name!r}; known: {TEMPLATES}")
    paras = list(paragraphs)
    if not paras:
        raise ValueError("paragraphs must contain at least one paragraph")
    return _BUILDERS[name](rng, title, paras, list(headlines or []))

"""bench's small-page corpus: PAGES page files of about 400 bytes (a title and a few sentences with a
phone number, a percentage and an amount) in WORK/pages, and one WARC file of RECORDS small
responses (a gzip member per record, as crawlers write them) in WORK/crawl.
Usage: python3 bench/small_corpus.py WORK PAGES [RECORDS]"""
import gzip, os, random, sys

work, pages = sys.argv[1], int(sys.argv[2])
records = int(sys.argv[3]) if len(sys.argv) > 3 else 0
rng = random.Random(7)
topics = ["医保报销", "异地就医", "门诊慢特病", "生育保险", "大病保险", "长期护理保险", "医保卡补办", "个人账户"]


def page(i):
    t = topics[i % len(topics)]
    return (f"{t}问答第{i}篇\n\n{t}的办理流程因地区而异,参保人可拨打12393咨询。\n"
            f"  1. 办理条件\n    参保满{rng.randint(1, 30)}年的职工,报销比例为{rng.randint(50, 90)}%,起付线{rng.randint(3, 20)}00元。\n"
            f"提示:本内容不能代替面诊,如有不适请尽快就医。\n")


folder = os.path.join(work, "pages")
os.makedirs(folder, exist_ok=True)
for i in range(pages):
    with open(os.path.join(folder, f"{i:07d}.txt"), "w", encoding="utf-8") as f:
        f.write(page(i))


def record(fields, block):
    head = "WARC/1.0\r\n" + "".join(f + "\r\n" for f in fields) + f"Content-Length: {len(block)}\r\n\r\n"
    return gzip.compress(head.encode() + block + b"\r\n\r\n", compresslevel=1)


if records:
    os.makedirs(os.path.join(work, "crawl"), exist_ok=True)
    with open(os.path.join(work, "crawl", "crawl.warc.gz"), "wb") as out:
        out.write(record(["WARC-Type: warcinfo", "WARC-Date: 2025-03-01T08:00:00Z",
                          "Content-Type: application/warc-fields"], b"software: bench/scale.sh\r\n"))
        for i in range(records):
            body = ("<html><head><title>问答" + str(i) + "</title></head><body><p>" + page(i).replace("\n", "</p><p>")
                    + "</p></body></html>").encode()
            http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
            out.write(record(["WARC-Type: response", f"WARC-Target-URI: https://ask.example.cn/q/{i}.html",
                              "WARC-Date: 2025-03-01T08:00:01Z", "Content-Type: application/http; msgtype=response"],
                             http))

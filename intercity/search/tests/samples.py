"""Short texts about urban practice in the network's thirteen languages, for search tests."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Sample:
    lang: str
    text: str
    matching_queries: tuple[str, ...]
    non_matching_query: str


SAMPLES: tuple[Sample, ...] = (
    Sample(
        "en",
        "Manila runs flood drills with barangay volunteers before the typhoon season.",
        ("flood drills", "Typhoon", "MANILA volunteers"),
        "earthquake",
    ),
    Sample(
        "ja",
        "東京都は大気汚染を減らすため、ディーゼル車の排出ガス規制を強化した。",
        ("東京", "大気汚染", "排出ガス規制", "都", "ディーゼル"),
        "大阪",
    ),
    Sample(
        "ko",
        "서울시는 음식물 쓰레기 재활용을 늘리고 에너지 절약 캠페인을 펼쳤다.",
        ("서울", "쓰레기", "에너지 절약", "서울시"),
        "부산",
    ),
    Sample(
        "vi",
        "Hà Nội công bố quy hoạch đô thị mới nhằm giảm ùn tắc giao thông và khói bụi.",
        ("quy hoach do thi", "Quy hoạch đô thị", "HA NOI", "khoi bui", "ùn tắc"),
        "dong dat",
    ),
    Sample(
        "th",
        "กรุงเทพมหานครจัดการซ้อมรับมือน้ำท่วมร่วมกับชุมชนริมคลอง",
        ("น้ำท่วม", "ซ้อมรับมือ", "ชุมชน", "คลอง"),
        "แผ่นดินไหว",
    ),
    Sample(
        "id",
        "Jakarta memperkuat latihan evakuasi banjir dan pengelolaan sampah di kawasan padat.",
        ("pengelolaan sampah", "evakuasi banjir", "jakarta"),
        "gempa",
    ),
    Sample(
        "ms",
        "Kuala Lumpur melancarkan kempen penjimatan tenaga di bangunan kerajaan.",
        ("penjimatan tenaga", "Kuala Lumpur", "kempen"),
        "banjir",
    ),
    Sample(
        "ru",
        "Томск внедряет энергосберегающее освещение и сокращает выбросы в атмосферу.",
        ("выбросы", "ТОМСК", "энергосберегающее освещение"),
        "наводнение",
    ),
    Sample(
        "zh-Hant",
        "臺北市推動垃圾分類與資源回收，減少焚化爐的負擔。",
        ("垃圾分類", "臺北", "資源回收", "市", "焚化爐"),
        "高雄",
    ),
    Sample(
        "mn",
        "Улаанбаатар хот өвлийн утааг бууруулахын тулд сайжруулсан түлш нэвтрүүлэв.",
        ("утааг", "Улаанбаатар", "сайжруулсан түлш"),
        "үер",
    ),
    Sample(
        "my",
        "ရန်ကုန်မြို့တော်တွင် ရေကြီးမှု အရေးပေါ် လေ့ကျင့်ခန်း ပြုလုပ်ခဲ့သည်။",
        ("ရန်ကုန်", "ရေကြီးမှု", "လေ့ကျင့်ခန်း"),
        "ငလျင်",
    ),
    Sample(
        "hi",
        "दिल्ली में वायु प्रदूषण कम करने के लिए ऊर्जा बचत के नए नियम लागू किए गए।",
        ("वायु प्रदूषण", "दिल्ली", "ऊर्जा बचत"),
        "भूकंप",
    ),
    Sample(
        "fil",
        "Nagsagawa ang Maynila ng pagsasanay sa baha kasama ang mga boluntaryo ng barangay.",
        ("pagsasanay sa baha", "Maynila", "boluntaryo"),
        "lindol",
    ),
)

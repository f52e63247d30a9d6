"""Demo knowledge items, one written in each member city's language, some with translations."""

from __future__ import annotations

from intercity.cities.models import City
from intercity.core.models import Theme
from intercity.knowledge.models import KnowledgeItem
from intercity.knowledge.services import item_create, translation_save

# (slug, city, language, kind, theme, title, body). Written for the demo; not network records.
DEMO_ITEMS = [
    (
        "demo-singapore-district-cooling",
        "singapore",
        "en",
        "practice",
        "energy-saving",
        "Demo: District cooling for a business district",
        "One central plant chills water for the towers of a business district through a loop of "
        "insulated pipes. Buildings no longer need their own chillers, and the district uses about "
        "a third less electricity for air conditioning.",
    ),
    (
        "demo-tokyo-cap-and-trade",
        "tokyo",
        "ja",
        "policy",
        "low-carbon",
        "デモ：大規模事業所の温室効果ガス排出総量削減義務と排出量取引",
        "大規模なオフィスビルや工場に二酸化炭素排出量の削減を義務付け、削減量を事業所間で取引できる"
        "制度です。省エネルギー設備の導入が進み、都内の排出量は基準年から大きく減少しました。",
    ),
    (
        "demo-seoul-bus-reform",
        "seoul",
        "ko",
        "practice",
        "traffic",
        "데모: 버스 중앙차로와 통합 환승 요금",
        "도로 중앙에 버스 전용차로를 만들고 버스와 지하철의 환승 요금을 통합했습니다. 버스 운행 "
        "속도가 빨라지고 대중교통 이용객이 늘어 교통 혼잡이 줄었습니다.",
    ),
    (
        "demo-hanoi-waste-sorting",
        "hanoi",
        "vi",
        "practice",
        "waste",
        "Demo: Phân loại rác thải sinh hoạt tại nguồn",
        "Các hộ gia đình ở một số quận phân loại rác hữu cơ và rác tái chế ngay tại nhà. "
        "Rác hữu cơ được ủ thành phân compost, lượng rác chôn lấp giảm "
        "và bãi rác hoạt động lâu hơn.",
    ),
    (
        "demo-bangkok-flood-tunnel",
        "bangkok",
        "th",
        "case_study",
        "disaster-crisis",
        "เดโม: อุโมงค์ระบายน้ำยักษ์ป้องกันน้ำท่วม",
        "กรุงเทพมหานครสร้างอุโมงค์ระบายน้ำขนาดใหญ่ใต้ดินเพื่อเร่งระบายน้ำฝนลงสู่แม่น้ำเจ้าพระยา "
        "ช่วยลดระยะเวลาน้ำท่วมขังในย่านชุมชนหลังฝนตกหนัก",
    ),
    (
        "demo-jakarta-clean-water",
        "jakarta",
        "id",
        "practice",
        "water",
        "Demo: Perluasan jaringan air bersih perpipaan",
        "Pemerintah kota memperluas jaringan pipa air bersih ke kampung padat penduduk agar warga "
        "tidak lagi memompa air tanah. Penurunan muka tanah melambat dan kualitas air membaik.",
    ),
    (
        "demo-kuala-lumpur-river",
        "kuala-lumpur",
        "ms",
        "practice",
        "water",
        "Demo: Pemulihan sungai di tengah bandar",
        "Sungai di pusat bandar dibersihkan, air sisa dirawat sebelum dilepaskan dan tebing sungai "
        "dijadikan laluan pejalan kaki. Kualiti air meningkat dan kawasan itu menarik pelancong.",
    ),
    (
        "demo-tomsk-heat-metering",
        "tomsk",
        "ru",
        "practice",
        "energy-saving",
        "Демо: Учёт тепла в многоквартирных домах",
        "В жилых домах установлены общедомовые приборы учёта тепла и автоматические тепловые "
        "пункты. Жильцы платят за фактическое потребление, а расход тепла зимой снизился.",
    ),
    (
        "demo-taipei-waste-fee",
        "taipei",
        "zh-hant",
        "policy",
        "waste",
        "示範：垃圾費隨袋徵收",
        "市民必須使用專用垃圾袋丟棄垃圾，垃圾費依袋計價，資源回收物則免費收取。"
        "實施後垃圾量大幅減少，資源回收率明顯提高。",
    ),
    (
        "demo-ulaanbaatar-clean-stoves",
        "ulaanbaatar",
        "mn",
        "practice",
        "air-quality",
        "Демо: Гэр хорооллын утаагүй зуух",
        "Гэр хорооллын айлуудад утаа багатай зуух болон сайжруулсан түлш нийлүүлсэн. Өвлийн "
        "улиралд агаарын бохирдол буурч, утаа багассан.",
    ),
    (
        "demo-yangon-drainage",
        "yangon",
        "my",
        "case_study",
        "disaster-crisis",
        "ဒီမို: မိုးရေစီးဆင်းမှု မြောင်းစနစ် ပြုပြင်ခြင်း",
        "ရန်ကုန်မြို့တွင်း မြောင်းများကို ရှင်းလင်းပြီး ရေစီးဆင်းမှု လမ်းကြောင်းများ ချဲ့ထွင်ခဲ့သည်။ "
        "မိုးရာသီတွင် ရေဝပ်သည့်အချိန် လျော့နည်းလာသည်။",
    ),
    (
        "demo-new-delhi-cng-buses",
        "new-delhi",
        "hi",
        "policy",
        "air-quality",
        "डेमो: सार्वजनिक बसों में सीएनजी ईंधन",
        "शहर की सभी सार्वजनिक बसों और ऑटो रिक्शा को डीज़ल से सीएनजी ईंधन पर बदला गया। इससे हवा में "
        "प्रदूषण और धुएँ की मात्रा कम हुई।",
    ),
    (
        "demo-manila-evacuation-drill",
        "metro-manila",
        "fil",
        "practice",
        "disaster-crisis",
        "Demo: Pagsasanay sa paglikas bago ang bagyo",
        "Nagsasagawa ang mga barangay ng regular na pagsasanay sa paglikas bago dumating "
        "ang bagyo. Alam ng mga residente kung saan ang evacuation center "
        "at mas mabilis ang paglikas.",
    ),
]

# Translations linked to their items: (item slug, language, title, body).
DEMO_TRANSLATIONS = [
    (
        "demo-tokyo-cap-and-trade",
        "en",
        "Demo: Mandatory emission cuts and trading for large facilities",
        "Large office buildings and factories must cut their carbon dioxide emissions and may "
        "trade the reductions between facilities. Energy-saving equipment spread and the city's "
        "emissions fell well below the base year.",
    ),
    (
        "demo-tokyo-cap-and-trade",
        "vi",
        "Demo: Bắt buộc giảm phát thải và mua bán hạn ngạch cho cơ sở lớn",
        "Các tòa nhà văn phòng và nhà máy lớn phải giảm phát thải khí CO2 và có thể mua bán phần "
        "giảm được giữa các cơ sở.",
    ),
    (
        "demo-hanoi-waste-sorting",
        "en",
        "Demo: Sorting household waste at source",
        "Households in several districts separate organic and recyclable waste at home. Organic "
        "waste is composted, less goes to landfill and the landfill lasts longer.",
    ),
    (
        "demo-hanoi-waste-sorting",
        "ja",
        "デモ：家庭ごみの発生源での分別",
        "いくつかの区の家庭が生ごみと資源ごみを家で分別しています。生ごみは堆肥になり、埋立量が減りました。",
    ),
    (
        "demo-ulaanbaatar-clean-stoves",
        "en",
        "Demo: Low-smoke stoves in the ger districts",
        "Households in the ger districts received low-smoke stoves and improved fuel. Winter air "
        "pollution and smog fell.",
    ),
    (
        "demo-seoul-bus-reform",
        "en",
        "Demo: Median bus lanes and integrated transfer fares",
        "Bus-only lanes in the middle of the road and one fare across bus and subway "
        "transfers made buses faster, drew more riders and eased congestion.",
    ),
]


def knowledge_demo_load() -> int:
    """Create the demo items and translations that are missing; return how many were added."""
    cities = {c.slug: c for c in City.objects.all()}
    themes = {t.slug: t for t in Theme.objects.all()}
    added = 0
    for slug, city, language, kind, theme, title, body in DEMO_ITEMS:
        if city not in cities or KnowledgeItem.objects.filter(slug=slug).exists():
            continue
        item_create(
            actor=None,
            data={
                "slug": slug,
                "title": title,
                "body": body,
                "language": language,
                "kind": kind,
                "city": cities[city],
                "visibility": KnowledgeItem.Visibility.PUBLIC,
                "is_demo": True,
                "source_document": "Generated demo item.",
            },
            themes=[themes[theme]] if theme in themes else [],
        )
        added += 1
    items = {i.slug: i for i in KnowledgeItem.objects.filter(slug__startswith="demo-")}
    for slug, language, title, body in DEMO_TRANSLATIONS:
        item = items.get(slug)
        if item is None or item.translations.filter(language=language).exists():
            continue
        translation_save(
            actor=None,
            item=item,
            language=language,
            data={"title": title, "body": body, "translator_name": "Demo translator"},
        )
        added += 1
    return added

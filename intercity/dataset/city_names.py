# ruff: noqa: E501 -- a table of names reads best one city a line.
"""The member cities' names as each interface language writes them (exonyms in common use).

Shown in place of the network's English name to a reader of that language, with the official
name beside it on the city's page. Where a language writes the name as English does, or where no
settled form is known, the entry is left out and the official name shows. Burmese "Tomsk" is the
form Unicode CLDR gives for the time zone Asia/Tomsk (its forms for Yangon and Tokyo agree with
this table).
"""

LANGUAGES = ("ja", "ko", "vi", "th", "id", "ms", "ru", "zh-hant", "mn", "my", "hi", "fil")

# slug: names in the order of LANGUAGES; "" where the official name is used as written.
NAMES = {
    "bangkok": ("バンコク", "방콕", "Băng Cốc", "กรุงเทพมหานคร", "", "", "Бангкок", "曼谷", "Бангкок", "ဘန်ကောက်", "बैंकॉक", ""),
    "new-delhi": ("ニューデリー", "뉴델리", "", "นิวเดลี", "", "", "Нью-Дели", "新德里", "Шинэ Дели", "နယူးဒေလီ", "नई दिल्ली", "Bagong Delhi"),
    "hanoi": ("ハノイ", "하노이", "Hà Nội", "ฮานอย", "", "", "Ханой", "河內", "Ханой", "ဟနွိုင်း", "हनोई", ""),
    "jakarta": ("ジャカルタ", "자카르타", "", "จาการ์ตา", "", "", "Джакарта", "雅加達", "Жакарта", "ဂျကာတာ", "जकार्ता", ""),
    "kuala-lumpur": ("クアラルンプール", "쿠알라룸푸르", "", "กัวลาลัมเปอร์", "", "", "Куала-Лумпур", "吉隆坡", "Куала-Лумпур", "ကွာလာလမ်ပူ", "कुआलालंपुर", ""),
    "metro-manila": ("マニラ首都圏", "마닐라 수도권", "Vùng đô thị Manila", "เมโทรมะนิลา", "", "", "Метро Манила", "馬尼拉大都會", "Их Манила", "မက်ထရို မနီလာ", "मेट्रो मनीला", "Kalakhang Maynila"),
    "seoul": ("ソウル", "서울", "", "โซล", "", "", "Сеул", "首爾", "Сөүл", "ဆိုးလ်", "सियोल", ""),
    "singapore": ("シンガポール", "싱가포르", "", "สิงคโปร์", "Singapura", "Singapura", "Сингапур", "新加坡", "Сингапур", "စင်္ကာပူ", "सिंगापुर", "Singapur"),
    "taipei": ("台北", "타이베이", "Đài Bắc", "ไทเป", "", "", "Тайбэй", "臺北", "Тайбэй", "ထိုင်ပေ", "ताइपे", ""),
    "tokyo": ("東京", "도쿄", "", "โตเกียว", "", "", "Токио", "東京", "Токио", "တိုကျို", "तोक्यो", ""),
    "tomsk": ("トムスク", "톰스크", "", "ทอมสค์", "", "", "Томск", "托木斯克", "Томск", "တွန်မ်စ်ခ်", "तोम्स्क", ""),
    "ulaanbaatar": ("ウランバートル", "울란바토르", "", "อูลานบาตอร์", "Ulan Bator", "", "Улан-Батор", "烏蘭巴托", "Улаанбаатар", "ဥလန်ဘာတာ", "उलानबातार", ""),
    "yangon": ("ヤンゴン", "양곤", "", "ย่างกุ้ง", "", "", "Янгон", "仰光", "Янгон", "ရန်ကုန်", "यांगून", ""),
}  # fmt: skip


def names_of(slug: str) -> dict[str, str]:
    """Language code -> name, for the languages that write the city's name their own way."""
    return {code: name for code, name in zip(LANGUAGES, NAMES.get(slug, ()), strict=False) if name}

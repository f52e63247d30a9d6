"""How a declaration in a member language names the body that adopts it, and the words around.

Kept apart from ``lexicon``, whose phrase lists serve every language, so that each stays short.
"""

import re

# The body that adopts a declaration, named in the member languages where the operative part
# begins: "Генеральная Ассамблея,", "因此现在,大会,发布", "国連総会は、", "국제연합총회는,",
# "Majelis Umum dengan ini", "สมัชชาจึงประกาศว่า", "सामान्य सभा", "Ang Pangkalahatang Kapulungan".
MEMBER_BODY = (
    r"(?:Генеральная\s+Ассамблея|Совет\s+Безопасности|Экономический\s+и\s+Социальный\s+Совет|"
    r"(?:联合国|聯合國)?(?:大会|大會|安全理事会|安全理事會)|"
    r"(?:国連|国際連合)?(?:総会|安全保障理事会)|"
    r"(?:국제연합|국제\s+연합|유엔)?\s?(?:총회|안전보장이사회)|"
    r"Đại\s+hội\s+đồng(?:\s+Liên\s+Hợp\s+Quốc)?|Hội\s+đồng\s+Bảo\s+an(?:\s+Liên\s+Hợp\s+Quốc)?|"
    r"Majelis\s+Umum(?:\s+Perserikatan\s+Bangsa-Bangsa)?|Dewan\s+Keamanan|"
    r"สมัชชา(?:ใหญ่)?(?:แห่งสหประชาชาติ)?|คณะมนตรีความมั่นคง(?:แห่งสหประชาชาติ)?|"
    r"Ерөнхий\s+Ассамблей|Аюулгүйн\s+Зөвлөл|"
    r"အထွေထွေညီလာခံ|"
    r"सामान्य\s+सभा|महासभा|जनरल\s+असेम्बली|"
    r"Pangkalahatang\s+Kapulungan|"
    r"Perhimpunan\s+Agung)"
)
# Words that carry the recitals over to what the body does: "因此现在", "よって、ここに",
# "이에", "Nay", "Ngayon, Samakatuwid", "ฉะนั้น บัดนี้", "इसलिए, अब", "ထိုကြောင့်".
_MEMBER_CONNECTIVE = (
    r"(?:因此现在|因此現在|因此|为此|為此|よって|ここに|이에|따라서|Nay|Vì\s+vậy|Do\s+đó|"
    r"Oleh\s+karena\s+itu|Maka(?:\s+dengan\s+ini)?|Dengan\s+ini|ฉะนั้น|บัดนี้|Поэтому|Ngayon|"
    r"Samakatuwid|इसलिए|अब|ထိုကြောင့်)"
)
MEMBER_CONNECTIVE_RE = re.compile(
    rf"^{_MEMBER_CONNECTIVE}(?:\s*[,，、၊]?\s*{_MEMBER_CONNECTIVE}){{0,2}}\s*[,，、၊]?$",
    re.IGNORECASE,
)
# A paragraph that opens with the body, perhaps after a connective: where the operative part
# of a text in a member language begins when the body follows its recitals.
MEMBER_BODY_OPENING_RE = re.compile(
    rf"^(?:{_MEMBER_CONNECTIVE}\s*[,，、၊]?\s*){{0,3}}(?:Ang\s+)?(?P<body>{MEMBER_BODY})"
    # What the body does next: a comma, a particle, or a verb of proclaiming or deciding;
    # "Majelis Umum telah menetapkan …" in a recital only tells a fact.
    r"(?=\s*(?:$|[,，、]|は|는|은|\s?က|\s+ने|จึง|ขอ|มีมติ|\s+(?:dengan\s+ini|tuyên\s+bố|"
    r"quyết\s+định|mengisytiharkan|memproklamasikan|menyatakan|memutuskan|ay\s+nagpapahayag|"
    r"ay\s+nagpasya|провозглашает|постановляет|заявляет|объявляет|зарлан|тунхагла)))",
    re.IGNORECASE,
)
MEMBER_BODY_RE = re.compile(MEMBER_BODY, re.IGNORECASE)
# A paragraph that is only the body, as at the head of a resolution: "Генеральная Ассамблея,".
MEMBER_BODY_LINE_RE = re.compile(
    rf"(?:Ang\s+)?(?P<body>{MEMBER_BODY})\s*(?:は|는|은|က)?\s*[,，、]?", re.IGNORECASE
)

# Verbs of adoption or proclamation in the member languages, which a note under the title
# uses with the date: "Принята … от 10 декабря 1948 года", "…通过并颁布", "…採択)",
# "thông qua", "ditandatangani", "รับรอง", "ให้ไว้ ณ" (given on), "батлав", "အတည်ပြု", "स्वीकृत",
# "pinagtibay".
MEMBER_ADOPTION_RE = re.compile(
    r"(?<!\w)(?:принят[аоы]?|провозглашен[аоы]?|утвержден[аоы]?|подписан[аоы]?)(?!\w)|"
    r"(?<!\w)(?:совершено|заключено)(?!\w)|"
    r"通过|通過|颁布|頒布|签署|簽署|签字|簽字|採択|署名|채택|서명|선포|"
    r"\b(?:thông\s+qua|công\s+bố|ký\s+kết|ký\s+tại|làm\s+tại|diterima|disahkan|ditandatangani|"
    r"dibuat\s+di|diisytiharkan|"
    r"pinagtibay|nagpatibay|nilagdaan|nagpahayag)\b|"
    r"รับรอง|ลงนาม|(?:ให้ไว้|ประกาศ|ทำ)\s*ณ|(?<!\w)(?:батлав|баталсан|баталж)(?!\w)|အတည်ပြု|स्वीकृत|अंगीकृत|अपनाया",
    re.IGNORECASE,
)

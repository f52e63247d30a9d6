# Korean date-times, after CLDR "ko": 오전/오후 before the time, as Django's own time format
# writes it ("2024년 12월 5일 오전 9:05"); every other format comes from Django's.
DATETIME_FORMAT = "Y년 n월 j일 A g:i"

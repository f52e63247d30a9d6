# Japanese date-times, after CLDR "ja": a space between the date and the time, which Django's
# own format runs together ("2024年12月5日9:05"); every other format comes from Django's.
DATETIME_FORMAT = "Y年n月j日 G:i"

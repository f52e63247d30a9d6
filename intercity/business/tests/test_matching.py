"""The pure matching module: complementarity, sector, text similarity and city reasons."""

from intercity.business.matching import Candidate, cosine, rank, tf_idf_vectors


def _candidate(key, city="Hanoi", sector="C", offers="", seeks="", opportunities=()):
    return Candidate(key, f"Org {key}", city, sector, offers, seeks, tuple(opportunities))


def test_identical_texts_have_cosine_one_and_disjoint_zero():
    a, b, c = tf_idf_vectors(["solar panels", "solar panels", "tourism hotels"])
    assert round(cosine(a, b), 6) == 1.0
    assert cosine(a, c) == 0.0


def test_an_offer_meeting_a_request_ranks_first_with_its_reason():
    me = _candidate(1, opportunities=[("request", "energy_saving", "LED lamps")])
    seller = _candidate(2, sector="G", opportunities=[("offer", "energy_saving", "LED stock")])
    other = _candidate(3, sector="C", opportunities=[("offer", "tourism", "Tours")])
    ranked = rank(me, [other, seller])
    assert ranked[0].key == 2
    assert any("answers your request" in str(reason) for reason in ranked[0].reasons)


def test_a_buyer_is_matched_with_a_seller():
    me = _candidate(1, opportunities=[("request", "trade_buy", "Rice")])
    seller = _candidate(2, sector="A", opportunities=[("offer", "trade_sell", "Rice export")])
    assert rank(me, [seller])[0].key == 2


def test_text_similarity_and_other_city_are_given_as_reasons():
    me = _candidate(1, seeks="waste treatment incinerator technology", sector="E")
    partner = _candidate(2, city="Tokyo", sector="M", offers="incinerator technology for waste")
    (suggestion,) = rank(me, [partner])
    assert any(str(reason).startswith("text similarity") for reason in suggestion.reasons)
    assert any("another member city: Tokyo" in str(reason) for reason in suggestion.reasons)


def test_unrelated_organisations_are_not_suggested():
    me = _candidate(1, sector="A", seeks="rice seeds")
    assert rank(me, [_candidate(2, sector="K", offers="insurance")]) == []

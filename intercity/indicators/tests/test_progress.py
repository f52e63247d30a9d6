from intercity.indicators.progress import (
    NO_DATA,
    OFF_TRACK,
    ON_TRACK,
    Part,
    path_value,
    target_progress,
    trend,
    yearly_series,
)


def progress(series, *, lower=True, base=100.0, goal=50.0):
    return target_progress(
        base_year=2010,
        base_value=base,
        target_year=2030,
        target_value=goal,
        series=series,
        lower_is_better=lower,
        current_year=2025,
    )


def test_the_path_is_a_straight_line_from_base_to_target():
    assert (
        path_value(base_year=2010, base_value=100, target_year=2030, target_value=50, year=2020)
        == 75
    )


def test_a_city_below_the_path_of_a_reduction_is_on_track():
    result = progress({2020: 70.0})
    assert result.state == ON_TRACK
    assert (result.year, result.actual, result.expected) == (2020, 70.0, 75.0)
    assert result.gap == -5.0


def test_a_city_above_the_path_of_a_reduction_is_off_track():
    assert progress({2020: 80.0}).state == OFF_TRACK


def test_an_increase_target_is_judged_upwards():
    assert progress({2020: 30.0}, lower=False, base=10.0, goal=50.0).state == ON_TRACK
    assert progress({2020: 20.0}, lower=False, base=10.0, goal=50.0).state == OFF_TRACK


def test_the_latest_value_after_the_base_year_decides():
    assert progress({2012: 99.0, 2018: 70.0, 2021: 90.0}).year == 2021


def test_without_a_value_after_the_base_year_there_is_no_data():
    assert progress({}).state == NO_DATA
    assert progress({2009: 10.0, 2010: 10.0}).state == NO_DATA


def test_a_whole_year_value_wins_over_its_parts():
    parts = [Part(2020, 10.0, False), Part(2020, 5.0, False), Part(2020, 40.0, True)]
    assert yearly_series(parts, "sum") == {2020: 40.0}


def test_parts_combine_by_the_indicators_aggregation():
    parts = [Part(2020, 10.0, False, (1,)), Part(2020, 20.0, False, (2,))]
    assert yearly_series(parts, "sum") == {2020: 30.0}
    assert yearly_series(parts, "mean") == {2020: 15.0}
    assert yearly_series(parts, "latest") == {2020: 20.0}


def test_missing_years_stay_missing():
    series = yearly_series([Part(2018, 1.0, True), Part(2020, 2.0, True)], "sum")
    assert series == {2018: 1.0, 2020: 2.0}


def test_the_trend_compares_the_two_latest_values():
    assert trend({2018: 100.0, 2020: 90.0}) == -10.0
    assert trend({2020: 90.0}) is None

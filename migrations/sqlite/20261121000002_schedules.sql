-- Schedules replace the plain weekly slots: recurrence rules (iCalendar-like), exceptions,
-- extra dates, holiday behaviour; school holidays become data.

CREATE TABLE schedules (
    id                 INTEGER PRIMARY KEY,
    offer_id           INTEGER NOT NULL REFERENCES offers(id) ON DELETE CASCADE,
    place_id           INTEGER REFERENCES places(id),
    start_date         TEXT NOT NULL,            -- ISO date
    start_time         TEXT,                     -- HH:MM; both NULL = all day
    end_time           TEXT,
    freq               TEXT NOT NULL CHECK (freq IN ('weekly', 'monthly_nth', 'monthly_day', 'dates')),
    every              INTEGER NOT NULL DEFAULT 1 CHECK (every BETWEEN 1 AND 52),
    weekdays           INTEGER NOT NULL DEFAULT 0 CHECK (weekdays BETWEEN 0 AND 127), -- bit 0 = Monday
    nth                INTEGER CHECK (nth IS NULL OR nth IN (-1, 1, 2, 3, 4, 5)),
    weekday            INTEGER CHECK (weekday IS NULL OR weekday BETWEEN 1 AND 7),
    month_day          INTEGER CHECK (month_day IS NULL OR month_day BETWEEN 1 AND 31),
    until_date         TEXT,
    occurrence_count   INTEGER CHECK (occurrence_count IS NULL OR occurrence_count BETWEEN 1 AND 1000),
    holidays           TEXT NOT NULL DEFAULT 'always'
        CHECK (holidays IN ('always', 'not_in_school_holidays', 'only_in_school_holidays')),
    on_public_holidays INTEGER NOT NULL DEFAULT 0 CHECK (on_public_holidays IN (0, 1)),
    CHECK ((start_time IS NULL) = (end_time IS NULL)),
    CHECK (start_time IS NULL OR start_time < end_time),
    CHECK (until_date IS NULL OR occurrence_count IS NULL)
);

-- Listed dates of a 'dates' rule, and extra one-off dates of any rule.
CREATE TABLE schedule_dates (
    schedule_id INTEGER NOT NULL REFERENCES schedules(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('listed', 'extra')),
    date        TEXT NOT NULL,
    PRIMARY KEY (schedule_id, kind, date)
);

-- One changed or cancelled occurrence, addressed by its regular date.
CREATE TABLE schedule_exceptions (
    id           INTEGER PRIMARY KEY,
    schedule_id  INTEGER NOT NULL REFERENCES schedules(id) ON DELETE CASCADE,
    date         TEXT NOT NULL,
    cancelled    INTEGER NOT NULL CHECK (cancelled IN (0, 1)),
    reason       TEXT,
    new_date     TEXT,
    new_start    TEXT,
    new_end      TEXT,
    new_place_id INTEGER REFERENCES places(id),
    UNIQUE (schedule_id, date)
);

CREATE TABLE school_holidays (
    id        INTEGER PRIMARY KEY,
    region    TEXT NOT NULL,
    name      TEXT NOT NULL,
    first_day TEXT NOT NULL,
    last_day  TEXT NOT NULL,
    CHECK (first_day <= last_day),
    UNIQUE (region, first_day)
);

-- School holidays of North Rhine-Westphalia, school years 2025/26 to 2027/28 (as published by
-- the state's ministry of schools; administrators can add more or import an .ics file).
INSERT INTO school_holidays (region, name, first_day, last_day) VALUES
    ('DE-NW', 'Herbstferien', '2025-10-13', '2025-10-25'),
    ('DE-NW', 'Weihnachtsferien', '2025-12-22', '2026-01-06'),
    ('DE-NW', 'Osterferien', '2026-03-30', '2026-04-11'),
    ('DE-NW', 'Pfingstferien', '2026-05-26', '2026-05-26'),
    ('DE-NW', 'Sommerferien', '2026-07-20', '2026-09-01'),
    ('DE-NW', 'Herbstferien', '2026-10-17', '2026-10-31'),
    ('DE-NW', 'Weihnachtsferien', '2026-12-23', '2027-01-06'),
    ('DE-NW', 'Osterferien', '2027-03-22', '2027-04-03'),
    ('DE-NW', 'Pfingstferien', '2027-05-18', '2027-05-18'),
    ('DE-NW', 'Sommerferien', '2027-07-19', '2027-08-31'),
    ('DE-NW', 'Herbstferien', '2027-10-23', '2027-11-06'),
    ('DE-NW', 'Weihnachtsferien', '2027-12-24', '2028-01-08');

-- Every existing weekly slot becomes a weekly schedule starting today.
INSERT INTO schedules (offer_id, start_date, start_time, end_time, freq, every, weekdays)
SELECT offer_id, date('now'), start_time, end_time, 'weekly', 1, 1 << (weekday - 1)
FROM weekly_slots;

DROP TABLE weekly_slots;

CREATE INDEX schedules_by_offer ON schedules (offer_id);

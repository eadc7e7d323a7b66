"""Written by nato_partners._fastpath.module_source() (scripts/bundle-data); do not edit."""

# ruff: noqa
# mypy: ignore-errors
from ._fastpath import ABSENT, FastStructurer, Refused, encodable, new, number, refuse, setfield, whole
from .dates import _parse_date as parse_date
from .model import Area, Confidence, DatasetInfo, Funding, Membership, Milestone, MilestoneKind, Mission, Partner, Programme, ProgrammeKind, ProjectStatus, Region, Source, StateSpell, StateSystem, TrustFundProject

FIELDS_DatasetInfo = frozenset(['format', 'version', 'reviewed', 'title', 'description'])
FIELDS_Membership = frozenset(['partner', 'programme', 'spell', 'joined', 'left', 'left_by', 'known_until', 'suspended', 'resumed', 'role', 'sources', 'confidence', 'note'])
FIELDS_Milestone = frozenset(['id', 'partner', 'date', 'kind', 'title', 'summary', 'programme', 'areas', 'sources', 'confidence', 'note'])
FIELDS_Mission = frozenset(['name', 'established', 'head', 'head_title', 'confidence'])
FIELDS_Partner = frozenset(['code', 'alpha2', 'iso_numeric', 'cow_code', 'gw_code', 'name', 'official_name', 'region', 'aliases', 'mission', 'states', 'sources', 'confidence', 'note'])
FIELDS_Programme = frozenset(['id', 'name', 'acronym', 'kind', 'established', 'ended', 'succeeded_by', 'members_complete', 'description', 'sources', 'confidence', 'note'])
FIELDS_Source = frozenset(['id', 'title', 'publisher', 'author', 'url', 'published', 'note'])
FIELDS_StateSpell = frozenset(['system', 'code', 'start', 'end'])
FIELDS_TrustFundProject = frozenset(['id', 'name', 'partner', 'executing_agency', 'partner_agency', 'lead_nations', 'start', 'end', 'status', 'status_as_of', 'purpose', 'funding', 'items_planned', 'items_disposed', 'tonnes_planned', 'tonnes_disposed', 'people_planned', 'people_retrained', 'area_planned_m2', 'area_cleared_m2', 'budget_eur', 'budget_amount', 'budget_currency', 'spent_eur', 'site', 'sources', 'confidence', 'note'])
WORDS_Area = {m.value: m for m in Area}
WORDS_Confidence = {m.value: m for m in Confidence}
WORDS_Funding = {m.value: m for m in Funding}
WORDS_MilestoneKind = {m.value: m for m in MilestoneKind}
WORDS_ProgrammeKind = {m.value: m for m in ProgrammeKind}
WORDS_ProjectStatus = {m.value: m for m in ProjectStatus}
WORDS_Region = {m.value: m for m in Region}
WORDS_StateSystem = {m.value: m for m in StateSystem}


def structure_DatasetInfo(data, sources, code):
    if type(data) is not dict or not data.keys() <= FIELDS_DatasetInfo:
        raise Refused
    record = new(DatasetInfo)
    f_format = data['format']
    f_format = whole(f_format)
    f_version = data['version']
    f_version = (f_version if type(f_version) is str and (f_version.isascii() or encodable(f_version)) else refuse())
    f_reviewed = data['reviewed']
    f_reviewed = (parse_date(f_reviewed) if type(f_reviewed) is str else refuse())
    f_title = data['title']
    f_title = (f_title if type(f_title) is str and (f_title.isascii() or encodable(f_title)) else refuse())
    f_description = data.get('description')
    if f_description is not None:
        f_description = (f_description if type(f_description) is str and (f_description.isascii() or encodable(f_description)) else refuse())
    setfield(record, 'format', f_format)
    setfield(record, 'version', f_version)
    setfield(record, 'reviewed', f_reviewed)
    setfield(record, 'title', f_title)
    setfield(record, 'description', f_description)
    return record


def structure_Source(data, sources, code):
    if type(data) is not dict or not data.keys() <= FIELDS_Source:
        raise Refused
    record = new(Source)
    f_id = data['id']
    f_id = (f_id if type(f_id) is str and (f_id.isascii() or encodable(f_id)) else refuse())
    f_title = data['title']
    f_title = (f_title if type(f_title) is str and (f_title.isascii() or encodable(f_title)) else refuse())
    f_publisher = data['publisher']
    f_publisher = (f_publisher if type(f_publisher) is str and (f_publisher.isascii() or encodable(f_publisher)) else refuse())
    f_author = data.get('author')
    if f_author is not None:
        f_author = (f_author if type(f_author) is str and (f_author.isascii() or encodable(f_author)) else refuse())
    f_url = data.get('url')
    if f_url is not None:
        f_url = (f_url if type(f_url) is str and (f_url.isascii() or encodable(f_url)) else refuse())
    f_published = data.get('published')
    if f_published is not None:
        f_published = (parse_date(f_published) if type(f_published) is str else refuse())
    f_note = data.get('note')
    if f_note is not None:
        f_note = (f_note if type(f_note) is str and (f_note.isascii() or encodable(f_note)) else refuse())
    setfield(record, 'id', f_id)
    setfield(record, 'title', f_title)
    setfield(record, 'publisher', f_publisher)
    setfield(record, 'author', f_author)
    setfield(record, 'url', f_url)
    setfield(record, 'published', f_published)
    setfield(record, 'note', f_note)
    return record


def structure_Mission(data, sources, code):
    if type(data) is not dict or not data.keys() <= FIELDS_Mission:
        raise Refused
    record = new(Mission)
    f_name = data['name']
    f_name = (f_name if type(f_name) is str and (f_name.isascii() or encodable(f_name)) else refuse())
    f_established = data.get('established')
    if f_established is not None:
        f_established = (parse_date(f_established) if type(f_established) is str else refuse())
    f_head = data.get('head')
    if f_head is not None:
        f_head = (f_head if type(f_head) is str and (f_head.isascii() or encodable(f_head)) else refuse())
    f_head_title = data.get('head_title')
    if f_head_title is not None:
        f_head_title = (f_head_title if type(f_head_title) is str and (f_head_title.isascii() or encodable(f_head_title)) else refuse())
    f_confidence = data.get('confidence', ABSENT)
    f_confidence = Confidence.HIGH if f_confidence is ABSENT else WORDS_Confidence[f_confidence]
    setfield(record, 'name', f_name)
    setfield(record, 'established', f_established)
    setfield(record, 'head', f_head)
    setfield(record, 'head_title', f_head_title)
    setfield(record, 'confidence', f_confidence)
    return record


def structure_StateSpell(data, sources, code):
    if type(data) is not dict or not data.keys() <= FIELDS_StateSpell:
        raise Refused
    record = new(StateSpell)
    f_system = data['system']
    f_system = WORDS_StateSystem[f_system]
    f_code = data['code']
    f_code = whole(f_code)
    f_start = data['start']
    f_start = (parse_date(f_start) if type(f_start) is str else refuse())
    f_end = data.get('end')
    if f_end is not None:
        f_end = (parse_date(f_end) if type(f_end) is str else refuse())
    setfield(record, 'system', f_system)
    setfield(record, 'code', f_code)
    setfield(record, 'start', f_start)
    setfield(record, 'end', f_end)
    return record


def structure_Partner(data, sources, code):
    if type(data) is not dict or not data.keys() <= FIELDS_Partner:
        raise Refused
    record = new(Partner)
    f_code = data.get('code', ABSENT)
    if code is not None:
        if f_code is ABSENT:
            f_code = code
        elif f_code != code:
            raise Refused
    f_code = (f_code if type(f_code) is str and (f_code.isascii() or encodable(f_code)) else refuse())
    f_alpha2 = data['alpha2']
    f_alpha2 = (f_alpha2 if type(f_alpha2) is str and (f_alpha2.isascii() or encodable(f_alpha2)) else refuse())
    f_iso_numeric = data.get('iso_numeric')
    if f_iso_numeric is not None:
        f_iso_numeric = (f_iso_numeric if type(f_iso_numeric) is str and (f_iso_numeric.isascii() or encodable(f_iso_numeric)) else refuse())
    f_cow_code = data.get('cow_code')
    if f_cow_code is not None:
        f_cow_code = whole(f_cow_code)
    f_gw_code = data.get('gw_code')
    if f_gw_code is not None:
        f_gw_code = whole(f_gw_code)
    f_name = data['name']
    f_name = (f_name if type(f_name) is str and (f_name.isascii() or encodable(f_name)) else refuse())
    f_official_name = data.get('official_name')
    if f_official_name is not None:
        f_official_name = (f_official_name if type(f_official_name) is str and (f_official_name.isascii() or encodable(f_official_name)) else refuse())
    f_region = data['region']
    f_region = WORDS_Region[f_region]
    f_aliases = data.get('aliases', ABSENT)
    f_aliases = () if f_aliases is ABSENT else (tuple([(x if type(x) is str and (x.isascii() or encodable(x)) else refuse()) for x in f_aliases]) if type(f_aliases) is list or type(f_aliases) is tuple else refuse())
    f_mission = data.get('mission')
    if f_mission is not None:
        f_mission = (f_mission if type(f_mission) is Mission else structure_Mission(f_mission, None, None))
    f_states = data.get('states', ABSENT)
    f_states = () if f_states is ABSENT else (tuple([(x if type(x) is StateSpell else structure_StateSpell(x, None, None)) for x in f_states]) if type(f_states) is list or type(f_states) is tuple else refuse())
    f_sources = data['sources']
    if sources is not None and type(f_sources) is list:
        f_sources = tuple([sources[key] for key in f_sources])
    elif not (type(f_sources) is tuple and all(type(x) is Source for x in f_sources)):
        f_sources = (tuple([(x if type(x) is Source else structure_Source(x, None, None)) for x in f_sources]) if type(f_sources) is list or type(f_sources) is tuple else refuse())
    f_confidence = data.get('confidence', ABSENT)
    f_confidence = Confidence.HIGH if f_confidence is ABSENT else WORDS_Confidence[f_confidence]
    f_note = data.get('note')
    if f_note is not None:
        f_note = (f_note if type(f_note) is str and (f_note.isascii() or encodable(f_note)) else refuse())
    setfield(record, 'code', f_code)
    setfield(record, 'alpha2', f_alpha2)
    setfield(record, 'iso_numeric', f_iso_numeric)
    setfield(record, 'cow_code', f_cow_code)
    setfield(record, 'gw_code', f_gw_code)
    setfield(record, 'name', f_name)
    setfield(record, 'official_name', f_official_name)
    setfield(record, 'region', f_region)
    setfield(record, 'aliases', f_aliases)
    setfield(record, 'mission', f_mission)
    setfield(record, 'states', f_states)
    setfield(record, 'sources', f_sources)
    setfield(record, 'confidence', f_confidence)
    setfield(record, 'note', f_note)
    return record


def structure_Programme(data, sources, code):
    if type(data) is not dict or not data.keys() <= FIELDS_Programme:
        raise Refused
    record = new(Programme)
    f_id = data['id']
    f_id = (f_id if type(f_id) is str and (f_id.isascii() or encodable(f_id)) else refuse())
    f_name = data['name']
    f_name = (f_name if type(f_name) is str and (f_name.isascii() or encodable(f_name)) else refuse())
    f_acronym = data.get('acronym')
    if f_acronym is not None:
        f_acronym = (f_acronym if type(f_acronym) is str and (f_acronym.isascii() or encodable(f_acronym)) else refuse())
    f_kind = data['kind']
    f_kind = WORDS_ProgrammeKind[f_kind]
    f_established = data.get('established')
    if f_established is not None:
        f_established = (parse_date(f_established) if type(f_established) is str else refuse())
    f_ended = data.get('ended')
    if f_ended is not None:
        f_ended = (parse_date(f_ended) if type(f_ended) is str else refuse())
    f_succeeded_by = data.get('succeeded_by')
    if f_succeeded_by is not None:
        f_succeeded_by = (f_succeeded_by if type(f_succeeded_by) is str and (f_succeeded_by.isascii() or encodable(f_succeeded_by)) else refuse())
    f_members_complete = data.get('members_complete', ABSENT)
    f_members_complete = False if f_members_complete is ABSENT else (f_members_complete if type(f_members_complete) is bool else refuse())
    f_description = data['description']
    f_description = (f_description if type(f_description) is str and (f_description.isascii() or encodable(f_description)) else refuse())
    f_sources = data['sources']
    if sources is not None and type(f_sources) is list:
        f_sources = tuple([sources[key] for key in f_sources])
    elif not (type(f_sources) is tuple and all(type(x) is Source for x in f_sources)):
        f_sources = (tuple([(x if type(x) is Source else structure_Source(x, None, None)) for x in f_sources]) if type(f_sources) is list or type(f_sources) is tuple else refuse())
    f_confidence = data.get('confidence', ABSENT)
    f_confidence = Confidence.HIGH if f_confidence is ABSENT else WORDS_Confidence[f_confidence]
    f_note = data.get('note')
    if f_note is not None:
        f_note = (f_note if type(f_note) is str and (f_note.isascii() or encodable(f_note)) else refuse())
    setfield(record, 'id', f_id)
    setfield(record, 'name', f_name)
    setfield(record, 'acronym', f_acronym)
    setfield(record, 'kind', f_kind)
    setfield(record, 'established', f_established)
    setfield(record, 'ended', f_ended)
    setfield(record, 'succeeded_by', f_succeeded_by)
    setfield(record, 'members_complete', f_members_complete)
    setfield(record, 'description', f_description)
    setfield(record, 'sources', f_sources)
    setfield(record, 'confidence', f_confidence)
    setfield(record, 'note', f_note)
    return record


def structure_Membership(data, sources, code):
    if type(data) is not dict or not data.keys() <= FIELDS_Membership:
        raise Refused
    record = new(Membership)
    f_partner = data.get('partner', ABSENT)
    if code is not None:
        if f_partner is ABSENT:
            f_partner = code
        elif f_partner != code:
            raise Refused
    f_partner = (f_partner if type(f_partner) is str and (f_partner.isascii() or encodable(f_partner)) else refuse())
    f_programme = data['programme']
    f_programme = (f_programme if type(f_programme) is str and (f_programme.isascii() or encodable(f_programme)) else refuse())
    f_spell = data.get('spell', ABSENT)
    f_spell = 1 if f_spell is ABSENT else whole(f_spell)
    f_joined = data.get('joined')
    if f_joined is not None:
        f_joined = (parse_date(f_joined) if type(f_joined) is str else refuse())
    f_left = data.get('left')
    if f_left is not None:
        f_left = (parse_date(f_left) if type(f_left) is str else refuse())
    f_left_by = data.get('left_by')
    if f_left_by is not None:
        f_left_by = (parse_date(f_left_by) if type(f_left_by) is str else refuse())
    f_known_until = data.get('known_until')
    if f_known_until is not None:
        f_known_until = (parse_date(f_known_until) if type(f_known_until) is str else refuse())
    f_suspended = data.get('suspended')
    if f_suspended is not None:
        f_suspended = (parse_date(f_suspended) if type(f_suspended) is str else refuse())
    f_resumed = data.get('resumed')
    if f_resumed is not None:
        f_resumed = (parse_date(f_resumed) if type(f_resumed) is str else refuse())
    f_role = data.get('role')
    if f_role is not None:
        f_role = (f_role if type(f_role) is str and (f_role.isascii() or encodable(f_role)) else refuse())
    f_sources = data['sources']
    if sources is not None and type(f_sources) is list:
        f_sources = tuple([sources[key] for key in f_sources])
    elif not (type(f_sources) is tuple and all(type(x) is Source for x in f_sources)):
        f_sources = (tuple([(x if type(x) is Source else structure_Source(x, None, None)) for x in f_sources]) if type(f_sources) is list or type(f_sources) is tuple else refuse())
    f_confidence = data.get('confidence', ABSENT)
    f_confidence = Confidence.HIGH if f_confidence is ABSENT else WORDS_Confidence[f_confidence]
    f_note = data.get('note')
    if f_note is not None:
        f_note = (f_note if type(f_note) is str and (f_note.isascii() or encodable(f_note)) else refuse())
    setfield(record, 'partner', f_partner)
    setfield(record, 'programme', f_programme)
    setfield(record, 'spell', f_spell)
    setfield(record, 'joined', f_joined)
    setfield(record, 'left', f_left)
    setfield(record, 'left_by', f_left_by)
    setfield(record, 'known_until', f_known_until)
    setfield(record, 'suspended', f_suspended)
    setfield(record, 'resumed', f_resumed)
    setfield(record, 'role', f_role)
    setfield(record, 'sources', f_sources)
    setfield(record, 'confidence', f_confidence)
    setfield(record, 'note', f_note)
    return record


def structure_Milestone(data, sources, code):
    if type(data) is not dict or not data.keys() <= FIELDS_Milestone:
        raise Refused
    record = new(Milestone)
    f_id = data['id']
    f_id = (f_id if type(f_id) is str and (f_id.isascii() or encodable(f_id)) else refuse())
    f_partner = data.get('partner', ABSENT)
    if code is not None:
        if f_partner is ABSENT:
            f_partner = code
        elif f_partner != code:
            raise Refused
    f_partner = (f_partner if type(f_partner) is str and (f_partner.isascii() or encodable(f_partner)) else refuse())
    f_date = data.get('date')
    if f_date is not None:
        f_date = (parse_date(f_date) if type(f_date) is str else refuse())
    f_kind = data['kind']
    f_kind = WORDS_MilestoneKind[f_kind]
    f_title = data['title']
    f_title = (f_title if type(f_title) is str and (f_title.isascii() or encodable(f_title)) else refuse())
    f_summary = data['summary']
    f_summary = (f_summary if type(f_summary) is str and (f_summary.isascii() or encodable(f_summary)) else refuse())
    f_programme = data.get('programme')
    if f_programme is not None:
        f_programme = (f_programme if type(f_programme) is str and (f_programme.isascii() or encodable(f_programme)) else refuse())
    f_areas = data.get('areas', ABSENT)
    f_areas = () if f_areas is ABSENT else (tuple([WORDS_Area[x] for x in f_areas]) if type(f_areas) is list or type(f_areas) is tuple else refuse())
    f_sources = data['sources']
    if sources is not None and type(f_sources) is list:
        f_sources = tuple([sources[key] for key in f_sources])
    elif not (type(f_sources) is tuple and all(type(x) is Source for x in f_sources)):
        f_sources = (tuple([(x if type(x) is Source else structure_Source(x, None, None)) for x in f_sources]) if type(f_sources) is list or type(f_sources) is tuple else refuse())
    f_confidence = data.get('confidence', ABSENT)
    f_confidence = Confidence.HIGH if f_confidence is ABSENT else WORDS_Confidence[f_confidence]
    f_note = data.get('note')
    if f_note is not None:
        f_note = (f_note if type(f_note) is str and (f_note.isascii() or encodable(f_note)) else refuse())
    setfield(record, 'id', f_id)
    setfield(record, 'partner', f_partner)
    setfield(record, 'date', f_date)
    setfield(record, 'kind', f_kind)
    setfield(record, 'title', f_title)
    setfield(record, 'summary', f_summary)
    setfield(record, 'programme', f_programme)
    setfield(record, 'areas', f_areas)
    setfield(record, 'sources', f_sources)
    setfield(record, 'confidence', f_confidence)
    setfield(record, 'note', f_note)
    return record


def structure_TrustFundProject(data, sources, code):
    if type(data) is not dict or not data.keys() <= FIELDS_TrustFundProject:
        raise Refused
    record = new(TrustFundProject)
    f_id = data['id']
    f_id = (f_id if type(f_id) is str and (f_id.isascii() or encodable(f_id)) else refuse())
    f_name = data['name']
    f_name = (f_name if type(f_name) is str and (f_name.isascii() or encodable(f_name)) else refuse())
    f_partner = data.get('partner', ABSENT)
    if code is not None:
        if f_partner is ABSENT:
            f_partner = code
        elif f_partner != code:
            raise Refused
    f_partner = (f_partner if type(f_partner) is str and (f_partner.isascii() or encodable(f_partner)) else refuse())
    f_executing_agency = data['executing_agency']
    f_executing_agency = (f_executing_agency if type(f_executing_agency) is str and (f_executing_agency.isascii() or encodable(f_executing_agency)) else refuse())
    f_partner_agency = data.get('partner_agency')
    if f_partner_agency is not None:
        f_partner_agency = (f_partner_agency if type(f_partner_agency) is str and (f_partner_agency.isascii() or encodable(f_partner_agency)) else refuse())
    f_lead_nations = data.get('lead_nations', ABSENT)
    f_lead_nations = () if f_lead_nations is ABSENT else (tuple([(x if type(x) is str and (x.isascii() or encodable(x)) else refuse()) for x in f_lead_nations]) if type(f_lead_nations) is list or type(f_lead_nations) is tuple else refuse())
    f_start = data.get('start')
    if f_start is not None:
        f_start = (parse_date(f_start) if type(f_start) is str else refuse())
    f_end = data.get('end')
    if f_end is not None:
        f_end = (parse_date(f_end) if type(f_end) is str else refuse())
    f_status = data['status']
    f_status = WORDS_ProjectStatus[f_status]
    f_status_as_of = data.get('status_as_of')
    if f_status_as_of is not None:
        f_status_as_of = (parse_date(f_status_as_of) if type(f_status_as_of) is str else refuse())
    f_purpose = data['purpose']
    f_purpose = (f_purpose if type(f_purpose) is str and (f_purpose.isascii() or encodable(f_purpose)) else refuse())
    f_funding = data.get('funding', ABSENT)
    f_funding = Funding.TRUST_FUND if f_funding is ABSENT else WORDS_Funding[f_funding]
    f_items_planned = data.get('items_planned')
    if f_items_planned is not None:
        f_items_planned = whole(f_items_planned)
    f_items_disposed = data.get('items_disposed')
    if f_items_disposed is not None:
        f_items_disposed = whole(f_items_disposed)
    f_tonnes_planned = data.get('tonnes_planned')
    if f_tonnes_planned is not None:
        f_tonnes_planned = number(f_tonnes_planned)
    f_tonnes_disposed = data.get('tonnes_disposed')
    if f_tonnes_disposed is not None:
        f_tonnes_disposed = number(f_tonnes_disposed)
    f_people_planned = data.get('people_planned')
    if f_people_planned is not None:
        f_people_planned = whole(f_people_planned)
    f_people_retrained = data.get('people_retrained')
    if f_people_retrained is not None:
        f_people_retrained = whole(f_people_retrained)
    f_area_planned_m2 = data.get('area_planned_m2')
    if f_area_planned_m2 is not None:
        f_area_planned_m2 = number(f_area_planned_m2)
    f_area_cleared_m2 = data.get('area_cleared_m2')
    if f_area_cleared_m2 is not None:
        f_area_cleared_m2 = number(f_area_cleared_m2)
    f_budget_eur = data.get('budget_eur')
    if f_budget_eur is not None:
        f_budget_eur = number(f_budget_eur)
    f_budget_amount = data.get('budget_amount')
    if f_budget_amount is not None:
        f_budget_amount = number(f_budget_amount)
    f_budget_currency = data.get('budget_currency')
    if f_budget_currency is not None:
        f_budget_currency = (f_budget_currency if type(f_budget_currency) is str and (f_budget_currency.isascii() or encodable(f_budget_currency)) else refuse())
    f_spent_eur = data.get('spent_eur')
    if f_spent_eur is not None:
        f_spent_eur = number(f_spent_eur)
    f_site = data.get('site')
    if f_site is not None:
        f_site = (f_site if type(f_site) is str and (f_site.isascii() or encodable(f_site)) else refuse())
    f_sources = data['sources']
    if sources is not None and type(f_sources) is list:
        f_sources = tuple([sources[key] for key in f_sources])
    elif not (type(f_sources) is tuple and all(type(x) is Source for x in f_sources)):
        f_sources = (tuple([(x if type(x) is Source else structure_Source(x, None, None)) for x in f_sources]) if type(f_sources) is list or type(f_sources) is tuple else refuse())
    f_confidence = data.get('confidence', ABSENT)
    f_confidence = Confidence.HIGH if f_confidence is ABSENT else WORDS_Confidence[f_confidence]
    f_note = data.get('note')
    if f_note is not None:
        f_note = (f_note if type(f_note) is str and (f_note.isascii() or encodable(f_note)) else refuse())
    setfield(record, 'id', f_id)
    setfield(record, 'name', f_name)
    setfield(record, 'partner', f_partner)
    setfield(record, 'executing_agency', f_executing_agency)
    setfield(record, 'partner_agency', f_partner_agency)
    setfield(record, 'lead_nations', f_lead_nations)
    setfield(record, 'start', f_start)
    setfield(record, 'end', f_end)
    setfield(record, 'status', f_status)
    setfield(record, 'status_as_of', f_status_as_of)
    setfield(record, 'purpose', f_purpose)
    setfield(record, 'funding', f_funding)
    setfield(record, 'items_planned', f_items_planned)
    setfield(record, 'items_disposed', f_items_disposed)
    setfield(record, 'tonnes_planned', f_tonnes_planned)
    setfield(record, 'tonnes_disposed', f_tonnes_disposed)
    setfield(record, 'people_planned', f_people_planned)
    setfield(record, 'people_retrained', f_people_retrained)
    setfield(record, 'area_planned_m2', f_area_planned_m2)
    setfield(record, 'area_cleared_m2', f_area_cleared_m2)
    setfield(record, 'budget_eur', f_budget_eur)
    setfield(record, 'budget_amount', f_budget_amount)
    setfield(record, 'budget_currency', f_budget_currency)
    setfield(record, 'spent_eur', f_spent_eur)
    setfield(record, 'site', f_site)
    setfield(record, 'sources', f_sources)
    setfield(record, 'confidence', f_confidence)
    setfield(record, 'note', f_note)
    return record

STRUCTURERS: dict[type, FastStructurer] = {
    DatasetInfo: structure_DatasetInfo,
    Source: structure_Source,
    Mission: structure_Mission,
    StateSpell: structure_StateSpell,
    Partner: structure_Partner,
    Programme: structure_Programme,
    Membership: structure_Membership,
    Milestone: structure_Milestone,
    TrustFundProject: structure_TrustFundProject,
}

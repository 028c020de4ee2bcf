"""The one message of a whole load: what came and from where (the network, the mirror, the cache
and its age), what came empty, what did not come and why."""

from ..core.published.catalogue import get_source
from ..core.travel.fetcher import copy_age
from .i18n import tr


def _origins(loaded, mirror):
    """'2 downloaded from the mirror …; 1 from the cache (copies from 3 h ago)'."""
    downloaded = [built for built in loaded if built.info.fresh_urls]
    cached = [built for built in loaded if not built.info.fresh_urls and not built.info.fallbacks]
    parts = []
    if downloaded:
        parts.append(
            tr("{n} downloaded from the mirror {mirror}").format(n=len(downloaded), mirror=mirror)
            if mirror
            else tr("{n} downloaded from the publishers").format(n=len(downloaded))
        )
    if cached:
        oldest = min(built.info.fetched_at for built in cached)
        parts.append(tr("{n} from the cache (copies from {age} ago)").format(n=len(cached), age=copy_age(oldest)))
    return "; ".join(parts)


def _fallbacks(built_layers):
    stale = [(built.info.title, min(built.info.fallbacks, key=lambda copy: copy.fetched_at)) for built in built_layers]
    return tr("Refresh failed, cached copy used: {items}.").format(
        items="; ".join(
            tr("{title} (copy from {age} ago; {error})").format(
                title=title, age=copy_age(copy.fetched_at), error=copy.error.split(" — ")[0][:160]
            )
            for title, copy in stale
        )
    )


def load_summary(task, language, mirror="", placed=None):
    """One message for a whole load, in plain words. ``mirror``: the mirror the data layer uses
    (none: the publishers); ``placed``: what add_to_project did (layers that could not be written,
    notes). Layers that came without a feature are not counted as loaded: the source has nothing
    for the territory, which is said."""
    titles = {layer_id: get_source(layer_id).title(language) for layer_id in task.layer_ids}
    unwritten = placed.failures if placed is not None else {}
    written = [built for built in task.built if built.info.layer_id not in unwritten]
    empty = [built for built in written if built.info.feature_count == 0]
    loaded = [built for built in written if built.info.feature_count != 0]
    text = tr("{territory}: {n} layers loaded ({titles}).").format(
        territory=task.territory.label, n=len(loaded), titles=", ".join(b.info.title for b in loaded) or "-"
    )
    origins = _origins(loaded + empty, mirror)
    if origins:
        text = text[:-1] + f" — {origins}."
    if empty:
        text += " " + tr("Nothing in the source for this territory: {titles}.").format(
            titles=", ".join(built.info.title for built in empty)
        )
    stale = [built for built in written if built.info.fallbacks]
    if stale:
        text += " " + _fallbacks(stale)
    failures = {**task.failures, **unwritten}
    if failures:
        reasons = {}
        for layer_id, message in failures.items():
            reason = tr("no answer from the network") if layer_id in task.no_answer else message.split(" — ")[0][:300]
            reasons.setdefault(reason, []).append(titles[layer_id])
        text += " " + tr("Unavailable: {items}.").format(
            items="; ".join(f"{', '.join(names)} ({reason})" for reason, names in reasons.items())
        )
        if task.no_answer:
            text += " " + tr(
                "The network did not answer: check the proxy (QGIS Options > Network) or the mirror "
                "(Options > ANCT Territoires), or work offline from the cache, then Retry."
            )
        if unwritten:
            text += " " + tr(
                "The layers already in the project were kept. Check that the folder can be written and "
                "has free space, or choose another data folder (Options > ANCT Territoires), then Retry."
            )
    for note in placed.notes if placed is not None else ():
        text += " " + note
    if failures:
        text += " " + tr("Details in the ANCT log panel.")
    return text


def is_worrying(task, placed) -> bool:
    """A summary to show as a warning: something failed, was written elsewhere, or is an old copy."""
    return bool(
        task.failures
        or (placed is not None and (placed.failures or placed.notes))
        or any(built.info.fallbacks for built in task.built)
    )

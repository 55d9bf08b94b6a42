# SPDX-License-Identifier: EUPL-1.2
"""Single sign-on with OpenID Connect: staff of a partner organisation sign in with their own
organisation's account (authorization code flow with PKCE, decision record 0024).

Authlib makes the code verifier and challenge and the random values; joserfc checks the ID
token (signature against the provider's published keys, issuer, audience, expiry, nonce).
Each provider belongs to one organisation, or names it in a claim that is mapped to one; a
role comes from a claim or from the account as a beheerder set it. A person whose
organisation is not connected, or who has no role yet, is refused with the reason in Dutch.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import ipaddress
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urlencode, urlsplit

import httpx
import yaml
from authlib.common.security import generate_token
from authlib.oauth2.rfc7636 import create_s256_code_challenge
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from integraal.domein.rollen import Rol
from integraal.opslag import beheer
from integraal.opslag.db import Sessie
from integraal.opslag.modellen import Gebruiker, SsoAanvraag

# An account that signs in at its organisation has no password here: this is no argon2 hash,
# so a password never matches it.
GEEN_WACHTWOORD = "!sso"
AANVRAAG_GELDIG = dt.timedelta(minutes=10)
_WACHT = 10.0  # seconds for a provider to answer
_METADATA_GELDIG = 3600.0
ALGORITMEN = ["RS256", "PS256", "ES256", "EdDSA"]


class SsoGeweigerd(Exception):
    """Signing in through the organisation did not give access; `melding` says why (Dutch)."""

    def __init__(self, melding: str) -> None:
        super().__init__(melding)
        self.melding = melding


class Aanbieder(BaseModel):
    """One identity provider, as configured in the providers' file (docs/sso.md)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    naam: str = Field(pattern=r"^[a-z0-9][a-z0-9\-]*$", max_length=80)
    titel: str = Field(min_length=1, max_length=120)
    uitgever: str
    client_id: str = Field(min_length=1)
    client_secret: str | None = None
    client_secret_bestand: Path | None = None
    scope: str = "openid profile email"
    organisatie: str | None = None
    organisatie_claim: str | None = None
    organisaties: dict[str, str] = Field(default_factory=dict)
    rollen_claim: str | None = None
    rollen: dict[str, Rol] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _samenhang(self) -> Aanbieder:
        if (self.organisatie is None) == (self.organisatie_claim is None):
            raise ValueError("geef óf organisatie óf organisatie_claim (met organisaties)")
        if self.organisatie_claim is not None and not self.organisaties:
            raise ValueError("organisatie_claim vraagt organisaties (claimwaarde: organisatie)")
        if (self.client_secret is None) == (self.client_secret_bestand is None):
            raise ValueError("geef óf client_secret óf client_secret_bestand")
        if self.rollen and self.rollen_claim is None:
            raise ValueError("rollen vraagt rollen_claim")
        delen = urlsplit(self.uitgever)
        if delen.scheme != "https" and not (delen.scheme == "http" and _lokaal(delen.hostname)):
            raise ValueError("de uitgever moet https gebruiken (http alleen op de eigen machine)")
        return self

    @property
    def geheim(self) -> str:
        if self.client_secret is not None:
            return self.client_secret
        assert self.client_secret_bestand is not None
        return self.client_secret_bestand.read_text(encoding="utf-8").strip()

    def organisaties_die_het_kan_geven(self) -> set[str]:
        return {self.organisatie} if self.organisatie else set(self.organisaties.values())


def _lokaal(host: str | None) -> bool:
    if host == "localhost":
        return True
    try:
        return host is not None and ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class _Bestand(BaseModel):
    model_config = ConfigDict(extra="forbid")
    aanbieders: list[Aanbieder]


def laad_aanbieders(pad: Path, organisaties: set[str]) -> dict[str, Aanbieder]:
    """The providers' file, checked: every organisation it names is in the partner register."""
    try:
        ruw = yaml.safe_load(pad.read_text(encoding="utf-8"))
        bestand = _Bestand.model_validate(ruw)
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise ValueError(f"het bestand met inlogaanbieders ({pad}) is ongeldig: {exc}") from exc
    uit: dict[str, Aanbieder] = {}
    for a in bestand.aanbieders:
        if a.naam in uit:
            raise ValueError(f"inlogaanbieder {a.naam} staat twee keer in {pad}")
        onbekend = a.organisaties_die_het_kan_geven() - organisaties
        if onbekend:
            raise ValueError(
                f"inlogaanbieder {a.naam} noemt organisaties die niet in het partnerregister "
                f"staan: {', '.join(sorted(onbekend))}"
            )
        uit[a.naam] = a
    return uit


@dataclass(frozen=True)
class Metadata:
    uitgever: str
    authorization_endpoint: str
    token_endpoint: str
    jwks_uri: str
    userinfo_endpoint: str | None
    end_session_endpoint: str | None


class _Ontdekking:
    """The provider's published configuration and keys, kept for an hour; keys fetched again
    when a token is signed with a key not known yet (the provider rotated)."""

    def __init__(self) -> None:
        self._slot = threading.Lock()
        self._metadata: dict[str, tuple[float, Metadata]] = {}
        self._sleutels: dict[str, KeySet] = {}

    def metadata(self, a: Aanbieder) -> Metadata:
        with self._slot:
            bewaard = self._metadata.get(a.uitgever)
            if bewaard and time.monotonic() - bewaard[0] < _METADATA_GELDIG:
                return bewaard[1]
        d = _haal(f"{a.uitgever.rstrip('/')}/.well-known/openid-configuration")
        if d.get("issuer") != a.uitgever:
            raise SsoGeweigerd(
                "De inlogdienst van uw organisatie noemt zich anders dan ingesteld; inloggen "
                "is daarom geweigerd. Meld dit aan de functioneel beheerder."
            )
        meta = Metadata(
            a.uitgever,
            str(d["authorization_endpoint"]),
            str(d["token_endpoint"]),
            str(d["jwks_uri"]),
            d.get("userinfo_endpoint"),
            d.get("end_session_endpoint"),
        )
        with self._slot:
            self._metadata[a.uitgever] = (time.monotonic(), meta)
        return meta

    def sleutels(self, meta: Metadata, *, opnieuw: bool = False) -> KeySet:
        with self._slot:
            if not opnieuw and meta.jwks_uri in self._sleutels:
                return self._sleutels[meta.jwks_uri]
        sleutels = KeySet.import_key_set(_haal(meta.jwks_uri))  # type: ignore[arg-type]
        with self._slot:
            self._sleutels[meta.jwks_uri] = sleutels
        return sleutels


ONTDEKKING = _Ontdekking()


NIET_BEREIKBAAR = (
    "De inlogdienst van uw organisatie is nu niet bereikbaar. Probeer het later opnieuw, of "
    "log in met een account van Integraal zelf."
)


def _haal(url: str, melding: str = NIET_BEREIKBAAR, **koppen: str) -> dict[str, Any]:
    try:
        r = httpx.get(url, headers=koppen, timeout=_WACHT)
        r.raise_for_status()
        uit: dict[str, Any] = r.json()
        return uit
    except (httpx.HTTPError, ValueError) as exc:
        raise SsoGeweigerd(melding) from exc


@dataclass(frozen=True)
class Begin:
    url: str
    staat: str
    verifier: str
    nonce: str


def begin(a: Aanbieder, terug: str) -> Begin:
    meta = ONTDEKKING.metadata(a)
    staat, verifier, nonce = generate_token(43), generate_token(64), generate_token(32)
    vraag = {
        "response_type": "code",
        "client_id": a.client_id,
        "redirect_uri": terug,
        "scope": a.scope,
        "state": staat,
        "nonce": nonce,
        "code_challenge": create_s256_code_challenge(verifier),  # type: ignore[no-untyped-call]
        "code_challenge_method": "S256",
    }
    scheiding = "&" if "?" in meta.authorization_endpoint else "?"
    url = f"{meta.authorization_endpoint}{scheiding}{urlencode(vraag)}"
    return Begin(url, staat, verifier, nonce)


@dataclass(frozen=True)
class Identiteit:
    uitgever: str
    sub: str
    naam: str | None
    email: str | None
    claims: dict[str, Any]
    id_token: str


def voltooi(a: Aanbieder, code: str, verifier: str, nonce: str, terug: str) -> Identiteit:
    """The code exchanged for tokens (with the PKCE verifier), the ID token checked, and the
    profile read from the userinfo endpoint (same subject)."""
    meta = ONTDEKKING.metadata(a)
    try:
        r = httpx.post(
            meta.token_endpoint,
            data={
                "grant_type": "authorization_code",
                "code": code,
                "redirect_uri": terug,
                "code_verifier": verifier,
            },
            auth=(a.client_id, a.geheim),
            timeout=_WACHT,
        )
    except httpx.HTTPError as exc:
        raise SsoGeweigerd(NIET_BEREIKBAAR) from exc
    if r.status_code != 200:
        raise SsoGeweigerd(
            "De inlogdienst van uw organisatie gaf geen toegang (de aanvraag was verlopen of al "
            "gebruikt). Probeer opnieuw in te loggen."
        )
    tokens = r.json()
    id_token = str(tokens.get("id_token", ""))
    claims = _controleer(a, meta, id_token, nonce)
    if meta.userinfo_endpoint and tokens.get("access_token"):
        profiel = _haal(
            meta.userinfo_endpoint,
            "De inlogdienst van uw organisatie gaf uw gegevens niet. Probeer het opnieuw.",
            Authorization=f"Bearer {tokens['access_token']}",
        )
        if profiel.get("sub") != claims["sub"]:
            raise SsoGeweigerd("De inlogdienst gaf gegevens van een ander account; geweigerd.")
        claims = {**profiel, **claims}
    naam, email = claims.get("name"), claims.get("email")
    return Identiteit(
        a.uitgever,
        str(claims["sub"]),
        str(naam) if naam else None,
        str(email) if email else None,
        claims,
        id_token,
    )


def _controleer(a: Aanbieder, meta: Metadata, id_token: str, nonce: str) -> dict[str, Any]:
    eisen = jwt.JWTClaimsRegistry(
        leeway=60,
        iss={"essential": True, "value": a.uitgever},
        aud={"essential": True, "value": a.client_id},
        sub={"essential": True},
        exp={"essential": True},
        nonce={"essential": True, "value": nonce},
    )
    for opnieuw in (False, True):
        try:
            token = jwt.decode(id_token, ONTDEKKING.sleutels(meta, opnieuw=opnieuw), ALGORITMEN)
            eisen.validate(token.claims)
            return dict(token.claims)
        except JoseError as exc:
            if not opnieuw and "key" in str(exc).lower():
                continue  # perhaps a key published since: fetch the keys once more
            raise SsoGeweigerd(
                "Het bewijs van inloggen van uw organisatie klopt niet; inloggen is geweigerd."
            ) from exc
    raise AssertionError("onbereikbaar")  # pragma: no cover


def _waarden(claim: Any) -> list[str]:
    if isinstance(claim, list):
        return [str(c) for c in claim]
    return [str(claim)] if claim not in (None, "") else []


@dataclass(frozen=True)
class Toegang:
    """What the provider's claims give: the organisation, and the role if they name one."""

    organisatie: str
    rol: Rol | None

    NIET_AANGESLOTEN: ClassVar[str] = (
        "Uw organisatie is niet aangesloten bij deze Integraal-installatie. Vraag uw "
        "contactpersoon bij het RIEC of de beheerder van Integraal naar de mogelijkheden."
    )


def toegang(a: Aanbieder, claims: dict[str, Any]) -> Toegang:
    if a.organisatie is not None:
        organisatie: str | None = a.organisatie
    else:
        assert a.organisatie_claim is not None
        gevonden = [
            a.organisaties[w]
            for w in _waarden(claims.get(a.organisatie_claim))
            if w in a.organisaties
        ]
        organisatie = gevonden[0] if len(set(gevonden)) == 1 else None
    if organisatie is None:
        raise SsoGeweigerd(Toegang.NIET_AANGESLOTEN)
    rol = None
    if a.rollen_claim is not None:
        # The first value the mapping knows, in the provider's order.
        rol = next(
            (a.rollen[w] for w in _waarden(claims.get(a.rollen_claim)) if w in a.rollen), None
        )
    return Toegang(organisatie, rol)


def account(
    sessie: Sessie, a: Aanbieder, ident: Identiteit, *, nu: dt.datetime, termijn: dt.timedelta
) -> Gebruiker:
    """The account for this identity: created at the first sign-in when the claims give a
    role; its role and name kept up to date from the claims at each sign-in."""
    t = toegang(a, ident.claims)
    g = beheer.gebruiker_extern(sessie, ident.uitgever, ident.sub)
    if g is None:
        if t.rol is None:
            raise SsoGeweigerd(
                "U heeft nog geen rol in Integraal. Vraag de functioneel beheerder van uw "
                "organisatie om u toegang te geven; daarna kunt u hier inloggen."
            )
        g = Gebruiker(
            gebruikersnaam=_vrije_naam(sessie, ident.email or f"{a.naam}-{ident.sub}"),
            naam=(ident.naam or ident.email or ident.sub)[:200],
            wachtwoord_hash=GEEN_WACHTWOORD,
            organisatie_id=t.organisatie,
            rol=t.rol.value,
            actief=True,
            rol_bevestigd_op=nu,
            extern_uitgever=ident.uitgever,
            extern_id=ident.sub,
        )
        beheer.bewaar(sessie, g)
    else:
        if not g.actief:
            raise SsoGeweigerd(
                "Uw account in Integraal is uitgeschakeld. Vraag de functioneel beheerder van "
                "uw organisatie waarom."
            )
        if g.organisatie_id != t.organisatie:
            raise SsoGeweigerd(
                "Uw account in Integraal hoort bij een andere organisatie dan uw inlogdienst "
                "nu opgeeft. Vraag de functioneel beheerder om dit recht te zetten."
            )
        if t.rol is not None:
            # The organisation vouches for the role at every sign-in: that is its review.
            if g.rol != t.rol.value:
                g.rol = t.rol.value
            g.rol_bevestigd_op = nu
        if ident.naam:
            g.naam = ident.naam[:200]
        if g.rol_bevestigd_op < nu - termijn:
            raise SsoGeweigerd(
                "Uw rol is niet op tijd bevestigd en daarom vervallen; vraag de coördinator van "
                "uw organisatie om haar te bevestigen."
            )
    g.laatst_ingelogd = nu
    return g


def _vrije_naam(sessie: Sessie, voorkeur: str) -> str:
    basis = voorkeur[:72]
    naam, n = basis, 1
    while beheer.gebruiker_op_naam(sessie, naam) is not None:
        n += 1
        naam = f"{basis}-{n}"
    return naam


def uitlog_url(a: Aanbieder, id_token: str | None, terug: str) -> str | None:
    """Where to send a person to sign out at the provider too (RP-initiated logout), or None
    when the provider offers no such address."""
    meta = ONTDEKKING.metadata(a)
    if not meta.end_session_endpoint:
        return None
    vraag = {"client_id": a.client_id, "post_logout_redirect_uri": terug}
    if id_token:
        vraag["id_token_hint"] = id_token
    scheiding = "&" if "?" in meta.end_session_endpoint else "?"
    return f"{meta.end_session_endpoint}{scheiding}{urlencode(vraag)}"


def _hash(waarde: str) -> str:
    return hashlib.sha256(waarde.encode()).hexdigest()


def bewaar_aanvraag(
    sessie: Sessie, a: Aanbieder, b: Begin, binding: str, volgende: str, nu: dt.datetime
) -> None:
    """Remember a sign-in sent to the provider until it comes back (ten minutes at most),
    bound to the browser that holds `binding` (only its hash is kept)."""
    beheer.bewaar_sso_aanvraag(
        sessie,
        SsoAanvraag(
            staat=b.staat,
            binding=_hash(binding),
            aanbieder=a.naam,
            verifier=b.verifier,
            nonce=b.nonce,
            volgende=volgende,
            verloopt_op=nu + AANVRAAG_GELDIG,
        ),
    )


def neem_aanvraag(
    sessie: Sessie, a: Aanbieder, staat: str, binding: str, nu: dt.datetime
) -> SsoAanvraag:
    """The sign-in this answer belongs to, taken once. Refused when the answer was not asked
    for by this browser (a link planted by someone else), by another provider, or too late."""
    aanvraag = beheer.neem_sso_aanvraag(sessie, staat) if staat else None
    if (
        aanvraag is None
        or not binding
        or not hmac.compare_digest(aanvraag.binding, _hash(binding))
        or aanvraag.aanbieder != a.naam
    ):
        raise SsoGeweigerd(
            "Dit antwoord van de inlogdienst hoort niet bij een inlogpoging in deze browser. "
            "Begin opnieuw bij Inloggen."
        )
    if aanvraag.verloopt_op < nu:
        raise SsoGeweigerd("Het inloggen duurde te lang. Begin opnieuw bij Inloggen.")
    return aanvraag

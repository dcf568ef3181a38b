"""Drives Loket's Open311 GeoReport v2 endpoint with published client libraries.

Usage: client_roundtrip.py BASE_URL JURISDICTION API_KEY

civicbot (JSON) lists the services, reads a definition, files a request with an
attribute (its own checks against the live definition included), and reads the
request back by id and by token; georeport (XML, parsed by xmltodict) reads the
service list and the same request. Prints one JSON line with what it found and
exits non-zero on the first mismatch.
"""

import json
import sys

from civicbot.open311 import Open311Client
from civicbot.registry import Endpoint
from georeport import GeoReport

SERVICE = "container-vol"
DESCRIPTION = "Container voor glas zit vol, zakken ernaast."
# Inside Enschede, the demo municipality.
LAT, LONG = 52.2245, 6.8937


def check(condition, message):
    if not condition:
        print(f"FAILED: {message}", file=sys.stderr)
        sys.exit(1)


def main():
    base, jurisdiction, api_key = sys.argv[1:4]
    endpoint = Endpoint(id="loket", name="Loket", base_url=base, write=True)
    client = Open311Client(endpoint, jurisdiction_id=jurisdiction)

    services = client.list_services()
    codes = {s["service_code"] for s in services}
    check(SERVICE in codes, f"{SERVICE} not in {sorted(codes)}")
    definition = client.get_service_definition(SERVICE)
    attributes = {a["code"]: a for a in definition["attributes"]}
    check(attributes.get("soort", {}).get("required") is True, f"definition: {definition}")

    filed = client.create_request(
        SERVICE,
        dry_run=False,
        confirm="SEND",
        api_key=api_key,
        validate_remote=True,
        lat=LAT,
        lng=LONG,
        description=DESCRIPTION,
        email="client@example.org",
        first_name="Open",
        last_name="Client",
        attributes={"soort": "glas"},
    )
    receipt = filed.response[0]
    request_id, token = receipt["service_request_id"], receipt["token"]

    by_token = client.get_token(token)
    check(by_token[0]["service_request_id"] == request_id, f"token: {by_token}")
    request = client.get_request(request_id)
    check(request["status"] == "open", f"request: {request}")
    check(request["service_code"] == SERVICE, f"request: {request}")
    check(bool(request.get("expected_datetime")), f"no expected_datetime: {request}")
    check("description" not in request, f"the reporter's words are public: {request}")
    listed = client.list_requests(service_request_ids=[request_id])
    check([r["service_request_id"] for r in listed] == [request_id], f"list: {listed}")

    xml = GeoReport(base, jurisdiction=jurisdiction, output_format="xml")
    xml_services = xml.get_service_list()
    check(any(s["service_code"] == SERVICE for s in xml_services), "XML service list")
    xml_request = xml.get_service_request(request_id)
    check(xml_request["service_request_id"] == request_id, f"XML request: {xml_request}")
    check(xml_request["status"] == "open", f"XML request: {xml_request}")
    check(xml_request["expected_datetime"] == request["expected_datetime"], "expected_datetime")

    print(json.dumps({
        "services": len(services),
        "service_request_id": request_id,
        "token": token,
        "expected_datetime": request["expected_datetime"],
    }))


if __name__ == "__main__":
    main()

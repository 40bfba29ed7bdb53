"""Two application servers share one object storage: what one receives, the other serves at once."""

import http.client
import io
import json
from urllib.parse import urlsplit

from wagtail.models import Collection

import boto3
import pytest
from PIL import Image

from .conftest import PASSWORD
from .servers import Browserless, Gunicorn, MotoS3Server, production_env

pytestmark = pytest.mark.django_db(transaction=True)

BUCKET = "partnerhub-media"
PUBLIC_PICTURES_POLICY = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Sid": "PublicPictures",
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": [f"arn:aws:s3:::{BUCKET}/original_images/*", f"arn:aws:s3:::{BUCKET}/images/*"],
        }
    ],
}


def png():
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (30, 120, 60)).save(buffer, "PNG")
    return buffer.getvalue()


def fetch(url):
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    conn.request("GET", parts.path)
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response.status, body


def test_an_image_uploaded_through_one_server_is_served_through_the_other(
    committed_tree, production_admin, production_static_root
):
    with MotoS3Server() as s3:
        credentials = {"AWS_ACCESS_KEY_ID": "partnerhub", "AWS_SECRET_ACCESS_KEY": "partnerhub-secret"}
        client = boto3.client(
            "s3",
            endpoint_url=s3.endpoint_url,
            region_name="us-east-1",
            aws_access_key_id="partnerhub",
            aws_secret_access_key="partnerhub-secret",
        )
        client.create_bucket(Bucket=BUCKET)
        # As docs/operations.md tells the operator: pictures are public objects, documents are not.
        client.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(PUBLIC_PICTURES_POLICY))
        env = production_env(
            STATIC_ROOT=production_static_root,
            MEDIA_S3_BUCKET=BUCKET,
            MEDIA_S3_ENDPOINT_URL=s3.endpoint_url,
            MEDIA_S3_REGION="us-east-1",
            AWS_MAX_ATTEMPTS=1,  # readyz below: one try, not five, against a stopped storage
            **credentials,
        )
        with Gunicorn(env) as first, Gunicorn(env) as second:
            editor = Browserless(first.port)
            assert editor.login("operator", PASSWORD).status == 302
            editor.get("/admin/images/add/")
            uploaded = editor.post_file(
                "/admin/images/add/",
                {
                    "title": "Rynek w Bolesławcu",
                    "description": "Rynek",
                    "collection": Collection.get_first_root_node().pk,
                },
                field="file",
                filename="rynek.png",
                content=png(),
            )
            assert uploaded.status == 302, (uploaded.status, uploaded.text[:2000], first.log())

            reader = Browserless(second.port)
            listing = json.loads(reader.get("/api/v2/images/").text)
            assert [item["title"] for item in listing["items"]] == ["Rynek w Bolesławcu"]
            detail = json.loads(reader.get(f"/api/v2/images/{listing['items'][0]['id']}/").text)
            download_url = detail["meta"]["download_url"]
            assert download_url.startswith(s3.endpoint_url + f"/{BUCKET}/"), download_url
            status, body = fetch(download_url)
            assert status == 200
            assert body.startswith(b"\x89PNG")

            ready = reader.get("/readyz/")
            assert ready.status == 200, ready.text
            assert json.loads(ready.text)["storage"] == "ok"

package dev.vocloop.ticket;

import dev.vocloop.testing.BehindGatewayContract;
import dev.vocloop.testing.InternalJwtResource;
import dev.vocloop.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(InternalJwtResource.class)
@QuarkusTestResource(PostgresResource.class)
class PlatformConventionsTest extends BehindGatewayContract {

    @Override
    protected String protectedPath() {
        return "/api/v1/teams";
    }
}

package io.crvs.core.testing;

import io.crvs.core.port.out.PartnerRepository;

class InMemoryPartnerRepositoryTest extends AbstractPartnerRepositoryContract {
    @Override
    protected PartnerRepository createRepository() {
        return new InMemoryPartnerRepository();
    }
}
